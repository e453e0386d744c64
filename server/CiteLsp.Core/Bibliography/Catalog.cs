using CiteLsp.Core.Bibliography.Seeds;

namespace CiteLsp.Core.Bibliography;

/// <summary>
/// An immutable set of entries built from parsed files. Keyless (seed) entries are merged by title and
/// given generated keys; keyed entries keep theirs, the first occurrence of a key winning.
/// </summary>
public sealed class Catalog
{
    public static readonly Catalog Empty = Build([]);

    public IReadOnlyList<CatalogFile> Files { get; }
    public IReadOnlyList<Entry> Entries { get; }
    public IReadOnlyList<CatalogDiagnostic> Diagnostics { get; }
    // Plain dictionaries, not frozen ones: freezing 100k keys took ~200 ms, paid again on every reload of a big library.
    private readonly Dictionary<string, Entry> _byKey;
    private readonly Dictionary<string, Entry> _byKeyIgnoreCase;

    /// <param name="candidates">Entries in priority order; a key already taken drops the later entry.</param>
    private Catalog(IReadOnlyList<CatalogFile> files, IEnumerable<Entry> candidates, int capacity)
    {
        Files = files;
        Diagnostics = files.SelectMany(f => f.Diagnostics).ToList();
        var entries = new List<Entry>(capacity);
        var byKey = new Dictionary<string, Entry>(capacity, StringComparer.Ordinal);
        var byKeyIgnoreCase = new Dictionary<string, Entry>(capacity, StringComparer.OrdinalIgnoreCase);
        foreach (var e in candidates)
            if (byKey.TryAdd(e.Key, e))
            {
                entries.Add(e);
                byKeyIgnoreCase.TryAdd(e.Key, e);
            }
        // Aliases (biblatex "ids") resolve too, after every real key so that a key always wins.
        foreach (var e in entries)
            foreach (var alias in e.Aliases)
            {
                byKey.TryAdd(alias, e);
                byKeyIgnoreCase.TryAdd(alias, e);
            }
        Entries = entries;
        _byKey = byKey;
        _byKeyIgnoreCase = byKeyIgnoreCase;
    }

    public static Catalog Build(IReadOnlyList<CatalogFile> files)
    {
        var count = files.Sum(f => f.Entries.Count);
        var keyed = files.SelectMany(f => f.Entries).Where(e => e.Key.Length > 0);
        var keyless = files.SelectMany(f => f.Entries).Where(e => e.Key.Length == 0).ToList();
        if (keyless.Count == 0) return new Catalog(files, keyed, count);
        var taken = new HashSet<string>(keyed.Select(e => e.Key), StringComparer.Ordinal);
        var generated = KeyGenerator.AssignKeys(SeedMerger.Merge(keyless), taken);
        return new Catalog(files, keyed.Concat(generated), count);
    }

    public int Count => Entries.Count;

    /// <summary>Exact (case-sensitive) lookup, as biber and pandoc resolve keys.</summary>
    public Entry? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Case-insensitive lookup, as classic BibTeX resolves keys.</summary>
    public Entry? FindIgnoreCase(string key) => _byKeyIgnoreCase.GetValueOrDefault(key);
}
