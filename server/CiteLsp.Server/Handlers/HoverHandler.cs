using CiteLsp.Server.Analysis;
using CiteLsp.Core.Hover;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

/// <summary>textDocument/hover: the reference card of a cited key, or of an entry key in an open .bib.</summary>
internal sealed class HoverHandler(Session session)
{
    [JsonRpcMethod(Methods.TextDocumentHover, UseSingleObjectParameterDeserialization = true)]
    public async Task<Hover?> HoverAsync(TextDocumentPositionParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        var uri = Params.Require(Params.Require(request?.TextDocument, "textDocument").Uri, "textDocument.uri");
        var position = Params.Require(request!.Position, "position");
        await session.Catalogs.WhenFirstLoadedAsync(cancellationToken);
        if (DocumentContext.Get(session.State.Current, uri) is not { } doc) return null;
        if (session.Positions.ToOffset(doc.Document, position) is not { } offset) return null;

        var card = doc.Kind == DocumentKind.Bibliography
            ? CitationHover.FindInBibliography(DocumentScans.BibFileOf(doc.Document, doc.Snapshot.Catalogs.Get(doc.Document.Path)), offset)
            : CitationHover.Find(doc.Citations, offset, doc.Catalogs.ResolutionCatalog, doc.Snapshot.Catalogs.SearchIndex(doc.Catalogs, cancellationToken), doc.Catalogs.Library);
        return card is null ? null
            : new Hover(MarkupContent.Markdown(card.Markdown), session.Positions.ToRange(doc.Document, card.Span.Start, card.Span.Length));
    }
}
