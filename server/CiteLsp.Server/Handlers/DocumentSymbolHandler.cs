using CiteLsp.Core.Bibliography;
using CiteLsp.Server.Analysis;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class DocumentSymbolHandler(Session session)
{
    /// <summary>The entries of an open .bib file (key, title as detail), for the outline and breadcrumbs.</summary>
    [JsonRpcMethod(Methods.TextDocumentDocumentSymbol, UseSingleObjectParameterDeserialization = true)]
    public IReadOnlyList<DocumentSymbol> DocumentSymbol(DocumentSymbolParams request)
    {
        session.RequireRunning();
        var uri = Params.Require(Params.Require(request?.TextDocument, "textDocument").Uri, "textDocument.uri");
        if (session.State.Current.Document(uri) is not { } document || DocumentKinds.Of(document.LanguageId, document.Path) != DocumentKind.Bibliography) return [];
        return CatalogLoader.Parse(document.Path, document.Text).Entries
            .Where(e => e.Location.Path == document.Path && e.KeyLocation.Length == e.Key.Length)
            .Select(e => new DocumentSymbol(e.Key, SymbolKinds.Of(e),
                session.Positions.ToRange(document, e.Location.Start, e.Location.Length),
                session.Positions.ToRange(document, e.KeyLocation.Start, e.KeyLocation.Length)) { Detail = e.Title.Length > 0 ? e.Title : null })
            .ToList();
    }
}
