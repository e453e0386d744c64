using System.Collections.Concurrent;
using System.Collections.Immutable;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// The loaded catalog files (by path) and the embedded seeds, immutable. Merged <see cref="Catalog"/>s are
/// built on demand and cached per instance: a set never changes, so a cached build never goes stale.
/// </summary>
internal sealed class CatalogSet
{
    public static readonly CatalogSet Empty = new(ImmutableDictionary.Create<string, LoadedCatalog>(StringComparer.Ordinal), []);

    private readonly ConcurrentDictionary<string, Catalog> _builds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<SearchIndex>> _indexes = new(StringComparer.Ordinal);

    private CatalogSet(ImmutableDictionary<string, LoadedCatalog> files, IReadOnlyList<CatalogFile> seeds)
    {
        Files = files;
        Seeds = seeds;
    }

    public ImmutableDictionary<string, LoadedCatalog> Files { get; }
    public IReadOnlyList<CatalogFile> Seeds { get; }

    public CatalogSet With(LoadedCatalog file) => new(Files.SetItem(file.Path, file), Seeds);
    public CatalogSet Without(string path) => Files.ContainsKey(path) ? new(Files.Remove(path), Seeds) : this;
    public CatalogSet WithSeeds(IReadOnlyList<CatalogFile> seeds) => new(Files, seeds);

    /// <summary>The served parse of a file or seed, by path; null when not loaded (yet).</summary>
    public CatalogFile? Get(string path) =>
        Files.TryGetValue(path, out var f) ? f.Good : Seeds.FirstOrDefault(s => s.Path == path);

    /// <summary>The parse whose diagnostics describe the file now.</summary>
    public CatalogFile? Latest(string path) =>
        Files.TryGetValue(path, out var f) ? f.Latest : Seeds.FirstOrDefault(s => s.Path == path);

    /// <summary>One catalog of the given files, in order (earlier files win duplicate keys); cached.</summary>
    public Catalog Build(IEnumerable<string> paths)
    {
        var files = paths.Select(Get).OfType<CatalogFile>().ToList();
        return files.Count == 0 ? Catalog.Empty : _builds.GetOrAdd(string.Join('\n', files.Select(f => f.Path)), _ => Catalog.Build(files));
    }

    /// <summary>
    /// The search index over a view's bibliography entries then its library entries (minus keys the bibliography
    /// has), built once per combination. A cancelled build is dropped so the next request builds it again.
    /// </summary>
    public SearchIndex SearchIndex(DocumentCatalogView view, CancellationToken cancellationToken)
    {
        var key = string.Join('\n', view.Sources.Select(s => $"{s.Role}:{s.Path}"));
        var lazy = _indexes.GetOrAdd(key, _ => new Lazy<SearchIndex>(() =>
        {
            var entries = view.Bibliography.Entries.Concat(view.Library.Entries.Where(e => view.Bibliography.Find(e.Key) is null)).ToList();
            return Core.Search.SearchIndex.Build(entries, ct: cancellationToken);
        }));
        try { return lazy.Value; }
        catch (OperationCanceledException) { _indexes.TryRemove(new KeyValuePair<string, Lazy<SearchIndex>>(key, lazy)); throw; }
    }

    /// <summary>Every loaded file and seed: what <c>citelsp/status</c> counts.</summary>
    public IEnumerable<string> AllPaths => Files.Keys.Order(StringComparer.Ordinal).Concat(Seeds.Select(s => s.Path));
}
