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
    // Key (and alias) → entry. Plain dictionaries, not frozen ones: freezing 100k keys took ~200 ms. Entries, not
    // positions: an entry added or removed by a reload moves no other entry's value.
    private readonly Dictionary<string, Entry> _byKey;
    /// <summary>The same, case-insensitive; made when first asked (see <see cref="FindIgnoreCase"/>).</summary>
    private Dictionary<string, Entry>? _byKeyIgnoreCase;
    /// <summary>Every candidate entry in priority order, before duplicate keys were dropped (when none was: Entries).</summary>
    private readonly Entry[] _candidates;
    /// <summary>Every alias, case-insensitive; null when there is none.</summary>
    private readonly HashSet<string>? _aliases;
    /// <summary>How the keyless entries got their keys (a reload re-uses them).</summary>
    private readonly SeedKeys? _seedKeys;
    /// <summary>The catalog this one extends by a few entries (a library with the seeds added): its key map answers
    /// first and <see cref="_byKey"/> holds only the added keys, so a 100k-key map is not copied for them. Never itself
    /// an extension.</summary>
    private readonly Catalog? _base;

    /// <summary>How the key maps were made (for logs and benchmarks): built, shared with the previous catalog, extending
    /// it, or copied from it and patched.</summary>
    public string KeyMaps { get; private init; } = "built";

    private Catalog(IReadOnlyList<CatalogFile> files, Entry[] candidates, SeedKeys? seedKeys, IReadOnlyList<Entry> entries,
        Dictionary<string, Entry> byKey, Dictionary<string, Entry>? byKeyIgnoreCase, HashSet<string>? aliases, Catalog? extended = null)
    {
        _seedKeys = seedKeys;
        _base = extended;
        Files = files;
        Diagnostics = files.SelectMany(f => f.Diagnostics).ToList();
        Entries = entries;
        (_candidates, _byKey, _byKeyIgnoreCase, _aliases) = (candidates, byKey, byKeyIgnoreCase, aliases);
    }

    public static Catalog Build(IReadOnlyList<CatalogFile> files) => Build(files, null);

    /// <param name="previous">
    /// The catalog of the files' last versions: when the new entries are the old ones (a reload that re-used them)
    /// its key maps are shared; when a few entries changed, came or went, they are copied and patched.
    /// </param>
    public static Catalog Build(IReadOnlyList<CatalogFile> files, Catalog? previous)
    {
        // Keyed entries straight into the array of candidates, not through a list copied twice (1M entries: 16 MB).
        // A BibTeX file's are all keyed (the parser drops keyless entries): taken whole, no entry asked for its key.
        static bool AllKeyed(CatalogFile file) => file.Format == Bibtex.BibtexParser.Format;
        var keyless = new List<Entry>();
        var keyedCount = 0;
        foreach (var file in files)
            if (AllKeyed(file)) keyedCount += file.Entries.Count;
            else foreach (var e in file.Entries) if (e.Key.Length > 0) keyedCount++; else keyless.Add(e);
        var candidates = new Entry[keyedCount];
        var keyed = 0;
        foreach (var file in files)
            for (var i = 0; i < file.Entries.Count; i++)
                if (AllKeyed(file) || file.Entries[i].Key.Length > 0) candidates[keyed++] = file.Entries[i];
        var seedKeys = keyless.Count == 0 ? null : GeneratedKeys(candidates, keyless, previous);
        if (seedKeys is not null) candidates = [.. candidates, .. seedKeys.Generated];
        if (previous is not null && Patched(files, previous, candidates, seedKeys) is { } patched) return patched;

        List<Entry>? entries = null; // the candidates whose key is not a duplicate, once one is
        var byKey = new Dictionary<string, Entry>(candidates.Length, StringComparer.Ordinal);
        var anyAliases = false;
        for (var i = 0; i < candidates.Length; i++)
        {
            var e = candidates[i];
            if (!byKey.TryAdd(e.Key, e)) { entries ??= [.. candidates.AsSpan(0, i)]; continue; }
            entries?.Add(e);
            anyAliases |= e.Aliases.Count > 0; // while the entry is at hand: most files have no alias to look for in a second pass
        }
        IReadOnlyList<Entry> kept = entries is null ? candidates : [.. entries];
        // Aliases (biblatex "ids") resolve too, after every real key so that a key always wins.
        HashSet<string>? aliases = null;
        foreach (var e in anyAliases ? kept : [])
        {
            if (e.Aliases.Count == 0) continue; // most entries: no enumerator to ask for
            foreach (var alias in e.Aliases)
            {
                (aliases ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(alias);
                byKey.TryAdd(alias, e);
            }
        }
        return new Catalog(files, candidates, seedKeys, kept, byKey, null, aliases);
    }

    /// <summary>The keyless entries given, the keyed ones made of them, and whether no library key clashed.</summary>
    private sealed record SeedKeys(List<Entry> Keyless, List<Entry> Generated, bool Clean);

    /// <summary>
    /// Keyless (seed) entries merged and keyed around the keys taken. Generated as if none were taken first: a few
    /// keys checked against 100k are cheaper than a set of 100k, and the keys are the same unless one clashes. After
    /// a reload that left the keyless entries alone, last time's keys (the same objects) hold unless an entry that
    /// came in takes one; one that went cannot free one, as none clashed.
    /// </summary>
    private static SeedKeys GeneratedKeys(Entry[] keyed, List<Entry> keyless, Catalog? previous)
    {
        if (previous?._seedKeys is { Clean: true } last && last.Keyless.Count == keyless.Count
            && last.Keyless.Zip(keyless).All(pair => ReferenceEquals(pair.First, pair.Second)))
        {
            var before = previous._candidates.AsSpan(0, previous._candidates.Length - last.Generated.Count);
            var (prefix, suffix) = CommonEnds(before, keyed.AsSpan(), ReferenceEquals);
            var taken = last.Generated.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
            if (!keyed.Skip(prefix).Take(keyed.Length - prefix - suffix).Any(e => taken.Contains(e.Key))) return last;
        }
        var merged = SeedMerger.Merge(keyless);
        var generated = KeyGenerator.AssignKeys(merged);
        var names = generated.Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        return Clash(names, keyed, previous)
            ? new SeedKeys(keyless, KeyGenerator.AssignKeys(merged, new HashSet<string>(keyed.Select(e => e.Key), StringComparer.Ordinal)), Clean: false)
            : new SeedKeys(keyless, generated, Clean: true);
    }

    /// <summary>Whether a keyed entry has one of these keys. When the keyed entries are those of the previous catalog
    /// (a library's view adding the seeds), its map answers: asking 100k entries for their keys took 10 ms, each key in
    /// its own corner of memory.</summary>
    private static bool Clash(HashSet<string> names, Entry[] keyed, Catalog? previous)
    {
        if (previous is not { _seedKeys: null } || previous._candidates.Length != keyed.Length
            || CommonEnds(previous._candidates, keyed.AsSpan(), ReferenceEquals).Prefix != keyed.Length)
            return keyed.Any(e => names.Contains(e.Key));
        // An alias maps to an entry with another key; a key always maps to an entry with that key.
        return names.Any(name => previous.Find(name) is { } e && e.Key == name);
    }

    /// <summary>
    /// The catalog from the key maps of <paramref name="previous"/> (a reload where an exporter edited, added,
    /// deleted or re-keyed a few entries, as Better BibTeX does when a title or year changes): shared when every
    /// entry is the same, else copied and patched. Patched only when no key was a duplicate, the entries with other
    /// keys lie in one short window without aliases, their old keys were theirs alone and their new keys are free
    /// (not even an alias). Null otherwise.
    /// </summary>
    private static Catalog? Patched(IReadOnlyList<CatalogFile> files, Catalog previous, Entry[] candidates, SeedKeys? seedKeys)
    {
        const int MaxChanged = 64;
        var old = previous._candidates;
        var (prefix, suffix) = CommonEnds(old, candidates, SameKey);
        var (oldEnd, newEnd) = (old.Length - suffix, candidates.Length - suffix);
        // Outside the window: entries with the same key that are other objects (re-parsed ones, generated seed keys).
        // Most entries other objects (a huge library's reload gives each its new place in the file): building the maps
        // afresh is cheaper than pointing each key at its new entry (1M entries: 0.25 s instead of 0.7 s).
        var (replaced, most) = (new List<(Entry Before, Entry Now)>(), candidates.Length / 2);
        for (var i = 0; i < prefix; i++)
            if (!ReferenceEquals(old[i], candidates[i]) && Replaced(old[i], candidates[i])) return null;
        for (var i = newEnd; i < candidates.Length; i++)
            if (!ReferenceEquals(old[i - newEnd + oldEnd], candidates[i]) && Replaced(old[i - newEnd + oldEnd], candidates[i])) return null;
        if (oldEnd == prefix && newEnd == prefix && replaced.Count == 0)
            return new Catalog(files, candidates, seedKeys, previous.Entries, previous._byKey, previous._byKeyIgnoreCase, previous._aliases, previous._base) { KeyMaps = "shared" };
        if (oldEnd - prefix > MaxChanged || newEnd - prefix > MaxChanged || previous.Entries.Count != old.Length) return null;
        if (oldEnd == prefix && replaced.Count == 0 && previous._base is null) return Extended(files, previous, candidates, seedKeys, prefix);

        var byKey = previous.KeyMapCopy();
        // The case-insensitive map is patched only if it was made; else the new catalog makes its own when asked.
        var byKeyIgnoreCase = previous._byKeyIgnoreCase is { } made ? new Dictionary<string, Entry>(made, made.Comparer) : null;
        for (var i = prefix; i < oldEnd; i++)
        {
            // An alias equal to the old key would take it over; an entry's own aliases: rebuild.
            var key = old[i].Key;
            if (old[i].Aliases.Count > 0 || previous._aliases?.Contains(key) == true) return null;
            if (!byKey.Remove(key, out var was) || was != old[i] || byKeyIgnoreCase is not null && (!byKeyIgnoreCase.Remove(key, out was) || was != old[i])) return null;
        }
        foreach (var (before, now) in replaced) // the maps point at the new object
        {
            foreach (var name in now.Aliases.Prepend(now.Key))
            {
                if (byKey.TryGetValue(name, out var e) && e == before) byKey[name] = now;
                if (byKeyIgnoreCase is not null && byKeyIgnoreCase.TryGetValue(name, out e) && e == before) byKeyIgnoreCase[name] = now;
            }
        }
        for (var i = prefix; i < newEnd; i++)
            if (candidates[i].Aliases.Count > 0 || !byKey.TryAdd(candidates[i].Key, candidates[i]) || byKeyIgnoreCase?.TryAdd(candidates[i].Key, candidates[i]) == false) return null;
        return new Catalog(files, candidates, seedKeys, candidates, byKey, byKeyIgnoreCase, previous._aliases) { KeyMaps = "patched" };

        // Notes an entry now another object; true when that makes too many to patch.
        bool Replaced(Entry before, Entry now)
        {
            replaced.Add((before, now));
            return replaced.Count > most;
        }
    }

    /// <summary>
    /// <paramref name="previous"/> with the entries from <paramref name="from"/> on appended, when none has an alias or
    /// a key (or alias) taken before: the new keys go in a map of their own. Null otherwise.
    /// </summary>
    private static Catalog? Extended(IReadOnlyList<CatalogFile> files, Catalog previous, Entry[] candidates, SeedKeys? seedKeys, int from)
    {
        var added = new Dictionary<string, Entry>(candidates.Length - from, StringComparer.Ordinal);
        for (var i = from; i < candidates.Length; i++)
            if (candidates[i].Aliases.Count > 0 || previous._byKey.ContainsKey(candidates[i].Key) || !added.TryAdd(candidates[i].Key, candidates[i])) return null;
        return new Catalog(files, candidates, seedKeys, candidates, added, null, previous._aliases, previous) { KeyMaps = "extended" };
    }

    /// <summary>A copy of the exact key map, to patch.</summary>
    private Dictionary<string, Entry> KeyMapCopy()
    {
        var map = new Dictionary<string, Entry>(_base?._byKey ?? _byKey, StringComparer.Ordinal);
        if (_base is not null) foreach (var (key, e) in _byKey) map.Add(key, e);
        return map;
    }

    /// <summary>How many entries at the start, then at the end (not overlapping), the two lists have alike.</summary>
    private static (int Prefix, int Suffix) CommonEnds(ReadOnlySpan<Entry> a, ReadOnlySpan<Entry> b, Func<Entry, Entry, bool> alike)
    {
        var prefix = 0;
        while (prefix < a.Length && prefix < b.Length && alike(a[prefix], b[prefix])) prefix++;
        var suffix = 0;
        while (suffix < a.Length - prefix && suffix < b.Length - prefix && alike(a[^(suffix + 1)], b[^(suffix + 1)])) suffix++;
        return (prefix, suffix);
    }

    /// <summary>The same entry (a re-used one: no need to touch it), or one with the same key and aliases.</summary>
    private static bool SameKey(Entry a, Entry b) =>
        ReferenceEquals(a, b) || string.Equals(a.Key, b.Key, StringComparison.Ordinal)
            && ((a.Aliases.Count | b.Aliases.Count) == 0 || a.Aliases.SequenceEqual(b.Aliases, StringComparer.Ordinal));

    public int Count => Entries.Count;

    /// <summary>Exact (case-sensitive) lookup, as biber and pandoc resolve keys.</summary>
    public Entry? Find(string key) => _base is { } extended ? extended._byKey.GetValueOrDefault(key) ?? _byKey.GetValueOrDefault(key) : _byKey.GetValueOrDefault(key);

    /// <summary>Case-insensitive lookup, as classic BibTeX resolves keys.</summary>
    /// <remarks>Asked only of a key that did not resolve exactly (a diagnostic's "did you mean"): its map is made on
    /// the first call, not with the catalog, where a million keys took as long again as the exact map.</remarks>
    public Entry? FindIgnoreCase(string key) => (Volatile.Read(ref _byKeyIgnoreCase) ?? IgnoreCaseMap()).GetValueOrDefault(key);

    /// <summary>Two threads may both make it: the maps are alike and one is kept.</summary>
    private Dictionary<string, Entry> IgnoreCaseMap()
    {
        var map = KeysThenAliases(Entries);
        return Interlocked.CompareExchange(ref _byKeyIgnoreCase, map, null) ?? map;
    }

    /// <summary>Key or alias → entry, ignoring case: every key first, then the aliases (a key always wins), the first
    /// entry winning a tie, as BibTeX resolves a crossref.</summary>
    internal static Dictionary<string, Entry> KeysThenAliases(IReadOnlyList<Entry> entries)
    {
        var map = new Dictionary<string, Entry>(entries.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries) map.TryAdd(e.Key, e);
        foreach (var e in entries)
        {
            if (e.Aliases.Count == 0) continue; // most entries: no enumerator to ask for
            foreach (var alias in e.Aliases) map.TryAdd(alias, e);
        }
        return map;
    }
}
