using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class DidCloseHandler(Session session)
{
    [JsonRpcMethod(Methods.TextDocumentDidClose, UseSingleObjectParameterDeserialization = true)]
    public void DidClose(DidCloseTextDocumentParams request)
    {
        var uri = Params.Require(request?.TextDocument, "textDocument").Uri;
        if (session.State.Current.Document(uri) is null) session.Log.Warning($"didClose ignored: {uri} is not open");
        session.State.Update(s => s.Documents.ContainsKey(uri) ? s with { Documents = s.Documents.Remove(uri) } : s);
        session.Catalogs.RequestSync();
    }
}
