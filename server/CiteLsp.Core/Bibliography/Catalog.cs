using System.Collections.Frozen;
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
    private readonly FrozenDictionary<string, Entry> _byKey;
    private readonly FrozenDictionary<string, Entry> _byKeyIgnoreCase;

    private Catalog(IReadOnlyList<CatalogFile> files, List<Entry> entries)
    {
        Files = files;
        Entries = entries;
        Diagnostics = files.SelectMany(f => f.Diagnostics).ToList();
        var byKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
        var byKeyIgnoreCase = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            byKey.TryAdd(e.Key, e);
            byKeyIgnoreCase.TryAdd(e.Key, e);
        }
        // Aliases (biblatex "ids") resolve too, after every real key so that a key always wins.
        foreach (var e in entries)
            foreach (var alias in e.Aliases)
            {
                byKey.TryAdd(alias, e);
                byKeyIgnoreCase.TryAdd(alias, e);
            }
        _byKey = byKey.ToFrozenDictionary(StringComparer.Ordinal);
        _byKeyIgnoreCase = byKeyIgnoreCase.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    public static Catalog Build(IReadOnlyList<CatalogFile> files)
    {
        var keyed = files.SelectMany(f => f.Entries).Where(e => e.Key.Length > 0).ToList();
        var taken = new HashSet<string>(keyed.Select(e => e.Key), StringComparer.Ordinal);
        var keyless = SeedMerger.Merge(files.SelectMany(f => f.Entries).Where(e => e.Key.Length == 0));
        var generated = KeyGenerator.AssignKeys(keyless, taken);

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<Entry>(keyed.Count + generated.Count);
        foreach (var e in keyed.Concat(generated))
            if (seen.Add(e.Key)) entries.Add(e);
        return new Catalog(files, entries);
    }

    public int Count => Entries.Count;

    /// <summary>Exact (case-sensitive) lookup, as biber and pandoc resolve keys.</summary>
    public Entry? Find(string key) => _byKey.GetValueOrDefault(key);

    /// <summary>Case-insensitive lookup, as classic BibTeX resolves keys.</summary>
    public Entry? FindIgnoreCase(string key) => _byKeyIgnoreCase.GetValueOrDefault(key);
}
