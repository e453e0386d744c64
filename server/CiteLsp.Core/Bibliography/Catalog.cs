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
    /// <summary>Every alias, case-insensitive; null when there is none.</summary>
    private readonly HashSet<string>? _aliases;

    /// <summary>How the key maps were made: built, shared with the previous catalog, or copied from it and patched.</summary>
    internal string KeyMaps { get; private init; } = "built";

    private Catalog(IReadOnlyList<CatalogFile> files, Entry[] candidates, int[] kept, Dictionary<string, int> byKey, Dictionary<string, int> byKeyIgnoreCase, HashSet<string>? aliases)
    {
        _aliases = aliases;
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
            return new Catalog(files, candidates, previous._kept, previous._byKey, previous._byKeyIgnoreCase, previous._aliases) { KeyMaps = "shared" };
        if (previous is not null && Patched(previous, candidates) is var (patchedByKey, patchedIgnoreCase))
            return new Catalog(files, candidates, previous._kept, patchedByKey, patchedIgnoreCase, previous._aliases) { KeyMaps = "patched" };

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
        HashSet<string>? aliases = null;
        for (var i = 0; i < kept.Count; i++)
            foreach (var alias in candidates[kept[i]].Aliases)
            {
                (aliases ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(alias);
                byKey.TryAdd(alias, i);
                byKeyIgnoreCase.TryAdd(alias, i);
            }
        return new Catalog(files, candidates, [.. kept], byKey, byKeyIgnoreCase, aliases);
    }

    private static bool SameKeys(Entry[] a, Entry[] b)
    {
        if (a.Length != b.Length) return false;
        for (var i = 0; i < a.Length; i++)
            if (!ReferenceEquals(a[i], b[i]) // a re-used entry: no need to touch it
                && (!string.Equals(a[i].Key, b[i].Key, StringComparison.Ordinal)
                    || (a[i].Aliases.Count | b[i].Aliases.Count) != 0 && !a[i].Aliases.SequenceEqual(b[i].Aliases, StringComparer.Ordinal))) return false;
        return true;
    }

    /// <summary>
    /// The key maps of <paramref name="previous"/> with a few entries' keys changed (a reload where an entry got a new
    /// key, as Better BibTeX does when a title or year changes): copied, then patched, when the same entries are in
    /// the same places except a few (without aliases), whose old keys were theirs alone and whose new keys are free
    /// (not even an alias). Null otherwise.
    /// </summary>
    private static (Dictionary<string, int>, Dictionary<string, int>)? Patched(Catalog previous, Entry[] candidates)
    {
        const int MaxChanged = 64;
        var old = previous._candidates;
        // Every candidate kept (no duplicate keys): then a key is exactly one entry's, unless an alias shadows it.
        if (old.Length != candidates.Length || previous._kept.Length != old.Length) return null;
        var changed = new List<int>();
        for (var i = 0; i < old.Length; i++)
        {
            if (ReferenceEquals(old[i], candidates[i])) continue;
            if (candidates[i].Aliases.Count > 0) return null;
            if (string.Equals(old[i].Key, candidates[i].Key, StringComparison.Ordinal)) continue;
            if (changed.Count == MaxChanged) return null;
            changed.Add(i);
        }
        var byKey = new Dictionary<string, int>(previous._byKey, previous._byKey.Comparer);
        var byKeyIgnoreCase = new Dictionary<string, int>(previous._byKeyIgnoreCase, previous._byKeyIgnoreCase.Comparer);
        foreach (var i in changed)
        {
            // An alias equal to the old key would take it over (aliases of the changed entries themselves: rebuild).
            if (old[i].Aliases.Count > 0 || previous._aliases?.Contains(old[i].Key) == true) return null;
            if (!byKey.TryGetValue(old[i].Key, out var at) || at != i || !byKeyIgnoreCase.TryGetValue(old[i].Key, out at) || at != i) return null;
            byKey.Remove(old[i].Key);
            byKeyIgnoreCase.Remove(old[i].Key);
        }
        foreach (var i in changed)
            if (!byKey.TryAdd(candidates[i].Key, i) || !byKeyIgnoreCase.TryAdd(candidates[i].Key, i)) return null;
        return (byKey, byKeyIgnoreCase);
    }

    public int Count => Entries.Count;

    /// <summary>Exact (case-sensitive) lookup, as biber and pandoc resolve keys.</summary>
    public Entry? Find(string key) => _byKey.TryGetValue(key, out var i) ? Entries[i] : null;

    /// <summary>Case-insensitive lookup, as classic BibTeX resolves keys.</summary>
    public Entry? FindIgnoreCase(string key) => _byKeyIgnoreCase.TryGetValue(key, out var i) ? Entries[i] : null;
}
