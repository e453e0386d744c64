using CiteLsp.Server.Analysis;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class DocumentSymbolHandler(Session session)
{
    /// <summary>
    /// The entries of an open .bib file (key, title as detail), for the outline and breadcrumbs. A library's outline has
    /// as many symbols as entries (20,000 took 0.2-1.3 s to parse and 1.5-3 s for StreamJsonRpc to write): it is made
    /// off the message loop, so other requests go on meanwhile, and written here (<see cref="LspFormatter.Raw"/>).
    /// </summary>
    [JsonRpcMethod(Methods.TextDocumentDocumentSymbol, UseSingleObjectParameterDeserialization = true)]
    public async Task<JToken> DocumentSymbolAsync(DocumentSymbolParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        var uri = Params.Require(Params.Require(request?.TextDocument, "textDocument").Uri, "textDocument.uri");
        if (session.State.Current.Document(uri) is not { } document || DocumentKinds.Of(document.LanguageId, document.Path) != DocumentKind.Bibliography) return new JArray();
        return await Task.Run(() =>
        {
            var entries = DocumentScans.ParseOf(document).Entries;
            cancellationToken.ThrowIfCancellationRequested();
            return LspFormatter.Raw(entries
                .Where(e => e.Location.Path == document.Path && e.KeyLocation.Length == e.Key.Length)
                .Select(e => new DocumentSymbol(e.Key, SymbolKinds.Of(e),
                    session.Positions.ToRange(document, e.Location.Start, e.Location.Length),
                    session.Positions.ToRange(document, e.KeyLocation.Start, e.KeyLocation.Length)) { Detail = e.Title.Length > 0 ? e.Title : null })
                .ToList());
        }, cancellationToken);
    }
}
