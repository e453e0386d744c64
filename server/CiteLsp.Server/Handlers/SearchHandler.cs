using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class SearchHandler(Session session)
{
    /// <summary>citelsp/search: ranked entries for a query, from the document's catalogs (or the settings' when no document is given).</summary>
    [JsonRpcMethod(Methods.CiteLspSearch, UseSingleObjectParameterDeserialization = true)]
    public async Task<SearchResult> SearchAsync(SearchParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        await session.Catalogs.WhenFirstLoadedAsync(cancellationToken);
        var snapshot = session.State.Current;
        var document = request.TextDocument is { } id ? snapshot.Document(id.Uri) : null;
        var limit = request.Limit is { } l and > 0 ? l : snapshot.Settings.CompletionLimit;
        // Off the dispatch thread: a long search must not hold up other messages, including its own $/cancelRequest.
        var hits = await Task.Run(() => CatalogSearch.Search(snapshot.Catalogs, DocumentCatalogs.Resolve(snapshot, document), request.Query ?? "", limit, cancellationToken), cancellationToken);
        return new SearchResult(hits.Select(ToItem).ToList());
    }

    private static SearchItem ToItem(CatalogHit hit)
    {
        var e = hit.Hit.Entry;
        return new SearchItem(e.Key, e.Title, e.Authors.Select(a => a.DisplayName).ToList(), e.Year, e.Venue, hit.Hit.Score,
            hit.Source == CatalogRole.Bibliography ? "bibliography" : "library",
            hit.Hit.Matches.Select(m => new SearchMatch(m.Field, m.Start, m.Length)).ToList());
    }
}
