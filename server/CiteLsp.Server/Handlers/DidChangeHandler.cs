using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class DidChangeHandler(Session session)
{
    /// <summary>
    /// Applies the changes in order, each against the result of the previous one. A change for a document
    /// that is not open, or with a range outside the text, is logged and the whole notification ignored.
    /// </summary>
    [JsonRpcMethod(Methods.TextDocumentDidChange, UseSingleObjectParameterDeserialization = true)]
    public void DidChange(DidChangeTextDocumentParams request)
    {
        var (uri, version) = Params.Require(request?.TextDocument, "textDocument");
        var changes = Params.Require(request!.ContentChanges, "contentChanges");
        var document = session.State.Current.Document(uri);
        if (document is null)
        {
            session.Log.Warning($"didChange ignored: {uri} is not open");
            return;
        }
        foreach (var change in changes)
        {
            if (change.Range is not { } range)
            {
                document = document.WithText(change.Text ?? "", version);
                continue;
            }
            var start = session.Positions.ToOffset(document, range.Start);
            var end = session.Positions.ToOffset(document, range.End);
            var edited = start is { } s && end is { } e && e >= s ? document.Replace(s, e - s, change.Text ?? "", version) : null;
            if (edited is null)
            {
                session.Log.Warning($"didChange ignored: range {range} is outside {uri} (version {document.Version})");
                return;
            }
            document = edited;
        }
        var updated = document;
        session.State.Update(s => s with { Documents = s.Documents.SetItem(uri, updated) });
        session.Catalogs.RequestSync(); // debounced: the edit may have changed the declared bibliography
    }
}
