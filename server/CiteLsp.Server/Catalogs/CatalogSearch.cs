using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Server.Catalogs;

/// <summary>A ranked hit and whether it came from the document's bibliography or the library.</summary>
internal sealed record CatalogHit(SearchHit Hit, CatalogRole Source);

/// <summary>
/// The one place that calls the ranker, over a document's bibliography and library together (a library entry
/// whose key the bibliography already has is left out). The index is built once per catalog set and file
/// combination (<see cref="CatalogSet.SearchIndex"/>); the document's own entries get a small boost.
/// </summary>
internal static class CatalogSearch
{
    private const double BibliographyBoost = 0.01;

    public static IReadOnlyList<CatalogHit> Search(CatalogSet catalogs, DocumentCatalogView view, string query, int limit, CancellationToken cancellationToken)
    {
        var fromBibliography = new HashSet<Entry>(view.Bibliography.Entries, ReferenceEqualityComparer.Instance);
        var index = catalogs.SearchIndex(view, cancellationToken);
        var options = new SearchOptions { Boost = e => fromBibliography.Contains(e) ? BibliographyBoost : 0 };
        return index.Search(query, limit, options, cancellationToken)
            .Select(h => new CatalogHit(h, fromBibliography.Contains(h.Entry) ? CatalogRole.Bibliography : CatalogRole.Library))
            .ToList();
    }
}
