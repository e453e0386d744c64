using CiteLsp.Core.Text;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

/// <summary>Text sync handlers are synchronous so that documents change in message order.</summary>
internal sealed class DidOpenHandler(Session session)
{
    [JsonRpcMethod(Methods.TextDocumentDidOpen, UseSingleObjectParameterDeserialization = true)]
    public void DidOpen(DidOpenTextDocumentParams request)
    {
        var item = Params.Require(request?.TextDocument, "textDocument");
        Params.Require(item.Uri, "textDocument.uri");
        var document = new TextDocument(item.Uri, DocumentUri.ToPath(item.Uri), item.LanguageId ?? "", item.Version, item.Text ?? "");
        session.State.Update(s => s with { Documents = s.Documents.SetItem(item.Uri, document) });
        session.Catalogs.RequestSync();
    }
}
