using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class DidSaveHandler(Session session)
{
    /// <summary>A saved file may be a catalog (reload it) or declare different bibliographies (resync).</summary>
    [JsonRpcMethod(Methods.TextDocumentDidSave, UseSingleObjectParameterDeserialization = true)]
    public void DidSave(DidSaveTextDocumentParams request)
    {
        var path = DocumentUri.ToPath(Params.Require(request?.TextDocument, "textDocument").Uri);
        if (session.State.Current.Catalogs.Files.ContainsKey(path)) session.Catalogs.FileChanged(path);
        session.Catalogs.RequestSync();
    }
}
