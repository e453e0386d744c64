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
    public static readonly CatalogSet Empty = new(ImmutableDictionary.Create<string, LoadedCatalog>(StringComparer.Ordinal), [], null);

    // Lazy: a request racing the catalog loop for the same build waits for it instead of building it twice.
    private readonly ConcurrentDictionary<string, Lazy<Catalog>> _builds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<SearchIndex>> _indexes = new(StringComparer.Ordinal);
    /// <summary>The builds of the set this one replaced, to update rather than rebuild; dropped once the new builds exist.</summary>
    private volatile Builds? _previous;

    private sealed record Builds(ConcurrentDictionary<string, Lazy<Catalog>> Catalogs, ConcurrentDictionary<string, Lazy<SearchIndex>> Indexes);

    private CatalogSet(ImmutableDictionary<string, LoadedCatalog> files, IReadOnlyList<CatalogFile> seeds, Builds? previous)
    {
        Files = files;
        Seeds = seeds;
        _previous = previous;
    }

    /// <summary>What a successor may start from: this set's builds, or (if it has none yet) the ones it started from.</summary>
    private Builds? Handed => _builds.IsEmpty && _indexes.IsEmpty ? _previous : new Builds(_builds, _indexes);

    /// <summary>Lets the previous builds go (they hold the entries of older file versions).</summary>
    public void ForgetPrevious() => _previous = null;

    public ImmutableDictionary<string, LoadedCatalog> Files { get; }
    public IReadOnlyList<CatalogFile> Seeds { get; }

    public CatalogSet With(LoadedCatalog file) => new(Files.SetItem(file.Path, file), Seeds, Handed);
    public CatalogSet Without(string path) => Files.ContainsKey(path) ? new(Files.Remove(path), Seeds, Handed) : this;
    public CatalogSet WithSeeds(IReadOnlyList<CatalogFile> seeds) => new(Files, seeds, Handed);

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
        return files.Count == 0 ? Catalog.Empty : _builds.GetOrAdd(string.Join('\n', files.Select(f => f.Path)),
            key => new Lazy<Catalog>(() =>
            {
                // After a warm start, the cached catalog of the first file is the one to extend (with the seeds, say).
                var cached = Files.GetValueOrDefault(files[0].Path)?.Cached is { } c && ReferenceEquals(c.File, files[0]) ? c.Catalog : null;
                if (files.Count == 1 && cached is not null) return cached;
                return Catalog.Build(files, _previous?.Catalogs.GetValueOrDefault(key) is { IsValueCreated: true } old ? old.Value : cached);
            })).Value;
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
            var entries = view.Bibliography.Count == 0 ? view.Library.Entries : Merged(view.Bibliography, view.Library);
            // After a reload, the index of the same view over the old entries re-indexes only the entries that changed.
            // After a big file's first load, its own index (cached or built with it) does the same; the view's index
            // from before the load (over none of its entries) would mean a second full build.
            var previous = _previous?.Indexes.GetValueOrDefault(key) is { IsValueCreated: true } old ? TryValue(old) : null;
            var start = view.Sources.Select(s => Files.GetValueOrDefault(s.Path)?.Cached?.Index).Prepend(previous)
                .OfType<SearchIndex>().MaxBy(i => i.Entries.Count);
            return start is not null ? start.Update(entries, cancellationToken) : Core.Search.SearchIndex.Build(entries, ct: cancellationToken);
        }));
        try { return lazy.Value; }
        catch (OperationCanceledException) { _indexes.TryRemove(new KeyValuePair<string, Lazy<SearchIndex>>(key, lazy)); throw; }
    }

    /// <summary>The bibliography's entries, then the library's whose keys it lacks; sized once (a million entries grown
    /// by doubling left 8 MB of arrays behind).</summary>
    private static List<Entry> Merged(Catalog bibliography, Catalog library)
    {
        var entries = new List<Entry>(bibliography.Count + library.Count);
        entries.AddRange(bibliography.Entries);
        foreach (var e in library.Entries) if (bibliography.Find(e.Key) is null) entries.Add(e);
        return entries;
    }

    private static SearchIndex? TryValue(Lazy<SearchIndex> lazy)
    {
        try { return lazy.Value; }
        catch (OperationCanceledException) { return null; }
    }

    /// <summary>Every loaded file and seed: what <c>citelsp/status</c> counts.</summary>
    public IEnumerable<string> AllPaths => Files.Keys.Order(StringComparer.Ordinal).Concat(Seeds.Select(s => s.Path));
}
