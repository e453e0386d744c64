using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class WorkspaceSymbolHandler(Session session)
{
    private const int Limit = 100;

    /// <summary>Entries of every loaded catalog ranked by the search ranker; seed entries point into a cached copy of the seed file.</summary>
    [JsonRpcMethod(Methods.WorkspaceSymbol, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<SymbolInformation>> WorkspaceSymbolAsync(WorkspaceSymbolParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        await session.Catalogs.WhenFirstLoadedAsync(cancellationToken);
        var snapshot = session.State.Current;
        var query = request?.Query ?? "";
        if (query.Length == 0) return [];
        return await Task.Run(() =>
        {
            var bibliography = snapshot.Catalogs.Build(snapshot.Catalogs.Files.Keys.Order(StringComparer.Ordinal));
            var library = snapshot.Catalogs.Build(snapshot.Catalogs.Seeds.Select(s => s.Path));
            var hits = CatalogSearch.Search(snapshot.Catalogs, new DocumentCatalogView([], null, bibliography, library), query, Limit, cancellationToken);
            var spans = hits.Select(h => h.Hit.Entry.KeyLocation).Select(span =>
                span.Path.StartsWith(EmbeddedSeeds.Scheme, StringComparison.Ordinal) && SeedFiles.Materialize(span.Path) is { } copy ? span with { Path = copy } : span).ToList();
            var locations = LspConvert.ToLocations(spans, session.Positions, snapshot);
            return (IReadOnlyList<SymbolInformation>)hits.Select((h, i) => locations[i] is { } where
                    ? new SymbolInformation(h.Hit.Entry.Key, SymbolKinds.Of(h.Hit.Entry), where) { ContainerName = Path.GetFileName(spans[i].Path) }
                    : null)
                .OfType<SymbolInformation>().ToList();
        }, cancellationToken);
    }
}
