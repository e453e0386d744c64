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
    // Key (and alias) → index in Entries. Plain dictionaries, not frozen ones: freezing 100k keys took ~200 ms.
    private readonly Dictionary<string, int> _byKey;
    private readonly Dictionary<string, int> _byKeyIgnoreCase;
    /// <summary>Every candidate entry in priority order (before duplicates were dropped) and which were kept.</summary>
    private readonly Entry[] _candidates;
    private readonly int[] _kept;

    private Catalog(IReadOnlyList<CatalogFile> files, Entry[] candidates, int[] kept, Dictionary<string, int> byKey, Dictionary<string, int> byKeyIgnoreCase)
    {
        Files = files;
        Diagnostics = files.SelectMany(f => f.Diagnostics).ToList();
        var entries = new Entry[kept.Length];
        for (var i = 0; i < kept.Length; i++) entries[i] = candidates[kept[i]];
        Entries = entries;
        (_candidates, _kept, _byKey, _byKeyIgnoreCase) = (candidates, kept, byKey, byKeyIgnoreCase);
    }

    public static Catalog Build(IReadOnlyList<CatalogFile> files) => Build(files, null);

    /// <param name="previous">
    /// The catalog of the files' last versions: when the new entries have the same keys and aliases in the same
    /// order (a reload after an edit inside entries), its key maps are re-used instead of rebuilt.
    /// </param>
    public static Catalog Build(IReadOnlyList<CatalogFile> files, Catalog? previous)
    {
        var keyed = new List<Entry>(files.Sum(f => f.Entries.Count));
        var keyless = new List<Entry>();
        foreach (var file in files)
            foreach (var e in file.Entries) (e.Key.Length > 0 ? keyed : keyless).Add(e);
        Entry[] candidates;
        if (keyless.Count == 0) candidates = [.. keyed];
        else
        {
            var taken = new HashSet<string>(keyed.Select(e => e.Key), StringComparer.Ordinal);
            candidates = [.. keyed, .. KeyGenerator.AssignKeys(SeedMerger.Merge(keyless), taken)];
        }
        if (previous is not null && SameKeys(previous._candidates, candidates))
            return new Catalog(files, candidates, previous._kept, previous._byKey, previous._byKeyIgnoreCase);

        var kept = new List<int>(candidates.Length);
        var byKey = new Dictionary<string, int>(candidates.Length, StringComparer.Ordinal);
        var byKeyIgnoreCase = new Dictionary<string, int>(candidates.Length, StringComparer.OrdinalIgnoreCase);
        for (var c = 0; c < candidates.Length; c++)
            if (byKey.TryAdd(candidates[c].Key, kept.Count))
            {
                byKeyIgnoreCase.TryAdd(candidates[c].Key, kept.Count);
                kept.Add(c);
            }
        // Aliases (biblatex "ids") resolve too, after every real key so that a key always wins.
        for (var i = 0; i < kept.Count; i++)
            foreach (var alias in candidates[kept[i]].Aliases)
            {
                byKey.TryAdd(alias, i);
                byKeyIgnoreCase.TryAdd(alias, i);
            }
        return new Catalog(files, candidates, [.. kept], byKey, byKeyIgnoreCase);
    }

    private static bool SameKeys(Entry[] a, Entry[] b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
            if (!string.Equals(a[i].Key, b[i].Key, StringComparison.Ordinal)
                || (a[i].Aliases.Count | b[i].Aliases.Count) != 0 && !a[i].Aliases.SequenceEqual(b[i].Aliases, StringComparer.Ordinal)) return false;
        return true;
    }

    public int Count => Entries.Count;

    /// <summary>Exact (case-sensitive) lookup, as biber and pandoc resolve keys.</summary>
    public Entry? Find(string key) => _byKey.TryGetValue(key, out var i) ? Entries[i] : null;

    /// <summary>Case-insensitive lookup, as classic BibTeX resolves keys.</summary>
    public Entry? FindIgnoreCase(string key) => _byKeyIgnoreCase.TryGetValue(key, out var i) ? Entries[i] : null;
}
