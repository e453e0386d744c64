using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Server.Catalogs;

/// <summary>A ranked hit and whether it came from the document's bibliography or the library.</summary>
internal sealed record CatalogHit(SearchHit Hit, CatalogRole Source);

/// <summary>
/// The one place that calls the ranker, over a document's bibliography and library together (a library entry
/// whose key the bibliography already has is left out). Cancellation is checked while the ranker enumerates.
/// </summary>
internal static class CatalogSearch
{
    public static IReadOnlyList<CatalogHit> Search(DocumentCatalogView view, string query, int limit, CancellationToken cancellationToken)
    {
        var fromBibliography = new HashSet<Entry>(view.Bibliography.Entries, ReferenceEqualityComparer.Instance);
        var entries = view.Bibliography.Entries.Concat(view.Library.Entries.Where(e => view.Bibliography.Find(e.Key) is null));
        var hits = TokenSearch.Search(Cancellable(entries, cancellationToken), query, limit);
        return hits.Select(h => new CatalogHit(h, fromBibliography.Contains(h.Entry) ? CatalogRole.Bibliography : CatalogRole.Library)).ToList();
    }

    private static IEnumerable<Entry> Cancellable(IEnumerable<Entry> entries, CancellationToken cancellationToken)
    {
        var n = 0;
        foreach (var e in entries)
        {
            if ((++n & 255) == 0) cancellationToken.ThrowIfCancellationRequested();
            yield return e;
        }
        cancellationToken.ThrowIfCancellationRequested();
    }
}
