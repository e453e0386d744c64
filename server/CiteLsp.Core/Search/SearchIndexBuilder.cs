using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Search;

/// <summary>Builds the index: forward passes over entry ranges in parallel, term ids merged and sorted, then
/// inverted into one flat postings array (no per-term lists); the key table is sorted meanwhile on another thread.</summary>
internal static class SearchIndexBuilder
{
    private const int EntriesPerPass = 50_000;

    public static (TermDictionary Terms, KeyTable Keys) Build(IReadOnlyList<Entry> entries, bool indexAbstracts, CancellationToken ct)
    {
        var passCount = Math.Clamp(entries.Count / EntriesPerPass, 1, Environment.ProcessorCount);
        var passes = new ForwardPass[passCount];
        var alnumKeys = new string[entries.Count];
        var options = new ParallelOptions { CancellationToken = ct };
        Parallel.For(0, passCount, options, p =>
            passes[p] = new ForwardPass(entries, (int)((long)entries.Count * p / passCount), (int)((long)entries.Count * (p + 1) / passCount), indexAbstracts, alnumKeys, ct));
        TermDictionary? terms = null;
        KeyTable? keys = null;
        Parallel.Invoke(options, () => terms = Invert(passes), () => keys = BuildKeys(entries, alnumKeys));
        return (terms!, keys!);
    }

    /// <summary>The dictionary of entries [first, end) alone (a delta; postings keep the ids first … end-1).</summary>
    public static TermDictionary BuildTerms(IReadOnlyList<Entry> entries, int first, int end, bool indexAbstracts, CancellationToken ct) =>
        Invert([new ForwardPass(entries, first, end, indexAbstracts, null, ct)]);

    /// <summary>The key table from each entry's <see cref="AlnumKey"/> (in entry order).</summary>
    internal static KeyTable BuildKeys(IReadOnlyList<Entry> entries, string[] alnumKeys)
    {
        // Sorted on a packed prefix of each key: two integers compared, not two strings.
        var order = new KeyOrder[alnumKeys.Length];
        for (var e = 0; e < order.Length; e++) order[e] = new KeyOrder(alnumKeys[e], e);
        order = Cores.Sort(order); // the sort was the longest step left on one core (1M: 0.4 s)
        var ids = new int[order.Length];
        for (var i = 0; i < order.Length; i++) ids[i] = order[i].Id;
        // Runs of equal prefixes by the whole folded key ("smith2019deep" before "smith2019deeper"), then runs of equal
        // folded keys ("Smith2019", "smith2019") by the original key; the entry decides the rest.
        var byFolded = Comparer<int>.Create((a, b) => string.CompareOrdinal(alnumKeys[a], alnumKeys[b]) is var c and not 0 ? c : a.CompareTo(b));
        var byKey = Comparer<int>.Create((a, b) => string.CompareOrdinal(entries[a].Key, entries[b].Key) is var c and not 0 ? c : a.CompareTo(b));
        for (int start = 0, end; start < order.Length; start = end)
        {
            for (end = start + 1; end < order.Length && order[end].Prefix == order[start].Prefix; end++) { }
            if (end - start > 1) Array.Sort(ids, start, end - start, byFolded);
        }
        var ties = new List<int>();
        for (int start = 0, end; start < ids.Length; start = end)
        {
            for (end = start + 1; end < ids.Length && alnumKeys[ids[end]] == alnumKeys[ids[start]]; end++) ties.Add(end);
            if (end - start > 1) Array.Sort(ids, start, end - start, byKey);
        }
        // The table keeps them in one blob: the strings are garbage from here on, not a million objects the GC traces.
        var chars = 0L;
        foreach (var k in alnumKeys) chars += k.Length;
        var folded = new FoldedKeys.Builder(ids.Length, (int)Math.Min(chars, Array.MaxLength));
        foreach (var id in ids) folded.Add(alnumKeys[id]);
        return new KeyTable(folded.Build(), ids, [.. ties]);
    }

    /// <summary>"Nakkiran:2019" → "nakkiran2019".</summary>
    public static string AlnumKey(string key)
    {
        var folded = TextFolding.Fold(key);
        foreach (var c in folded)
            if (!TermSplitter.IsWordChar(c)) return string.Concat(folded.Where(TermSplitter.IsWordChar));
        return folded;
    }

    internal static TermDictionary Invert(ForwardPass[] passes)
    {
        // Global ids: the first pass's ids, then new terms of later passes appended.
        var global = new Dictionary<string, int>(StringComparer.Ordinal);
        var all = new List<string>(passes[0].Terms);
        for (var i = 0; i < all.Count; i++) global.Add(all[i], i);
        var remaps = new int[passes.Length][];
        for (var p = 0; p < passes.Length; p++)
        {
            var local = passes[p].Terms;
            var remap = remaps[p] = new int[local.Count];
            for (var i = 0; i < local.Count; i++)
            {
                if (p == 0) { remap[i] = i; continue; }
                if (!global.TryGetValue(local[i], out var id)) { id = all.Count; global.Add(local[i], id); all.Add(local[i]); }
                remap[i] = id;
            }
        }

        var sorted = all.ToArray();
        var order = new int[sorted.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(sorted, order, StringComparer.Ordinal);
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++) rank[order[i]] = i;
        for (var p = 0; p < passes.Length; p++)
            for (var i = 0; i < remaps[p].Length; i++) remaps[p][i] = rank[remaps[p][i]];

        // Postings by term, each term's in entry order: every pass writes its own on its own core, from where the passes
        // before it end within each term (the passes counted their terms' entries).
        var cursors = new int[passes.Length][];
        for (var p = 0; p < passes.Length; p++)
        {
            var counts = cursors[p] = new int[sorted.Length];
            for (var t = 0; t < remaps[p].Length; t++) counts[remaps[p][t]] = passes[p].Uses(t);
        }
        var postStart = new int[sorted.Length + 1];
        for (var t = 0; t < sorted.Length; t++)
        {
            var at = postStart[t];
            foreach (var counts in cursors) (counts[t], at) = (at, at + counts[t]); // count → where the pass starts
            postStart[t + 1] = at;
        }
        var postings = new int[postStart[sorted.Length]];
        Cores.Each(passes.Length, p =>
        {
            var (pass, remap, cursor) = (passes[p], remaps[p], cursors[p]);
            var codes = pass.Codes();
            for (var local = 0; local + 1 < pass.EntryStart.Length; local++)
            {
                var e = pass.First + local;
                for (var end = pass.EntryStart[local + 1]; codes.Position < end && codes.Next(out var code);)
                    postings[cursor[remap[code >> 3]]++] = e << 3 | (code & 7);
            }
            passes[p] = null!; // let the forward codes go once written
            cursors[p] = null!;
        });
        return new TermDictionary(sorted, postStart, postings);
    }
}
