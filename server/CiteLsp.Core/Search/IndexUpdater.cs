using System.Runtime.InteropServices;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary><see cref="SearchIndex.Update"/>: the base build of the old index is kept, its entries absent from the new
/// list are tombstoned (with their postings counted per term, so costs and live terms stay those of a full build),
/// and every entry not in the base is tokenized into a fresh delta. The key table, years and id maps are rebuilt:
/// linear, but only copies and comparisons.</summary>
internal static class IndexUpdater
{
    /// <summary>Entries outside the base (delta plus tombstones) beyond which a full build is cheaper overall.</summary>
    public static int DefaultMaxDelta(int count) => Math.Max(64, count / 20);

    public static SearchIndex Update(SearchIndex index, IReadOnlyList<Entry> entries, int maxDelta, CancellationToken ct)
    {
        var old = index.Layout;
        if (entries.Count == 0 || old.Entries.Count == 0) return SearchIndex.Build(entries, old.IndexAbstracts, ct);
        // The very same entries (a view over one file, after a warm start): nothing to match or merge.
        if (Same(old.Entries, entries)) return new SearchIndex(old with { Entries = entries });
        if (Appends(old, entries, maxDelta)) return Appended(old, entries, ct);
        var baseIds = old.BaseIds;
        var match = EntryMatcher.Match(old, entries, ct);
        var kept = 0;
        foreach (var id in match) if (id >= 0) kept++;
        var deltaCount = entries.Count - kept;
        if (deltaCount + (baseIds - kept) > maxDelta) return SearchIndex.Build(entries, old.IndexAbstracts, ct);

        var byId = new Entry[baseIds + deltaCount];
        var positionOf = new int[byId.Length];
        Array.Fill(positionOf, -1);
        var idOf = new int[entries.Count];
        for (int i = 0, next = baseIds; i < entries.Count; i++)
        {
            var id = match[i] >= 0 ? match[i] : next++;
            idOf[i] = id; positionOf[id] = i;
        }
        // Entries that kept their id and place (all old ones, when a view only adds the seeds) are copied in bulk: one
        // reference at a time into this old-generation array cost 3.7 ms per 100k entries here, a bulk copy 0.3 ms.
        var inPlace = 0;
        while (inPlace < match.Length && match[inPlace] == inPlace) inPlace++;
        if (entries is Entry[] array) Array.Copy(array, byId, inPlace);
        else if (entries is List<Entry> list) CollectionsMarshal.AsSpan(list)[..inPlace].CopyTo(byId);
        else inPlace = 0;
        for (var i = inPlace; i < idOf.Length; i++) byId[idOf[i]] = entries[i];
        bool[]? dead = null;
        if (kept < baseIds)
        {
            dead = new bool[byId.Length];
            for (var u = 0; u < baseIds; u++) dead[u] = positionOf[u] < 0;
        }
        var deadPostings = DeadPostings(old, dead, ct);
        if (deadPostings is null) return SearchIndex.Build(entries, old.IndexAbstracts, ct);
        var delta = deltaCount == 0 ? null : SearchIndexBuilder.BuildTerms(byId, baseIds, byId.Length, old.IndexAbstracts, ct);

        var years = new int[byId.Length];
        Array.Copy(old.Years, years, baseIds);
        for (var id = baseIds; id < byId.Length; id++) years[id] = byId[id].Year ?? int.MinValue;
        var keys = MergeKeys(old.Keys, baseIds, dead, byId, positionOf, entries.Count);
        var terms = new LiveTerms(old.Terms.Base, delta, deadPostings, dead);
        return new SearchIndex(new IndexLayout(entries, byId, idOf, positionOf, terms, keys, years, old.IndexAbstracts, baseIds));
    }

    private static bool Same(IReadOnlyList<Entry> a, IReadOnlyList<Entry> b) => a.Count == b.Count && StartsWith(b, a);

    private static bool StartsWith(IReadOnlyList<Entry> entries, IReadOnlyList<Entry> prefix)
    {
        if (entries.Count < prefix.Count) return false;
        for (var i = 0; i < prefix.Count; i++) if (!ReferenceEquals(prefix[i], entries[i])) return false;
        return true;
    }

    /// <summary>Whether the new list is a full build's entries (the same objects) followed by a few more: a library's
    /// view with the seeds added, or a library that gained entries at its end.</summary>
    private static bool Appends(IndexLayout old, IReadOnlyList<Entry> entries, int maxDelta) =>
        old.IdOf is null && old.BaseIds == old.Entries.Count && entries.Count > old.Entries.Count
        && entries.Count - old.Entries.Count <= maxDelta && StartsWith(entries, old.Entries);

    /// <summary>
    /// <see cref="Update"/> when every old entry keeps its place and id: ids are positions (no maps, no matching), the
    /// new entries' terms are a delta, and the key table places their keys among the old ones without copying them.
    /// At 1M entries with the seeds added: 14 MB kept instead of 73, and no pass matching a million entries.
    /// </summary>
    private static SearchIndex Appended(IndexLayout old, IReadOnlyList<Entry> entries, CancellationToken ct)
    {
        var baseIds = old.BaseIds;
        var delta = SearchIndexBuilder.BuildTerms(entries, baseIds, entries.Count, old.IndexAbstracts, ct);
        var years = new int[entries.Count];
        Array.Copy(old.Years, years, baseIds);
        for (var id = baseIds; id < years.Length; id++) years[id] = entries[id].Year ?? int.MinValue;
        var keys = MergeKeys(old.Keys, baseIds, null, entries, null, entries.Count);
        var terms = new LiveTerms(old.Terms.Base, delta, new Dictionary<int, int>(old.Terms.DeadPostings), null);
        return new SearchIndex(new IndexLayout(entries, entries, null, null, terms, keys, years, old.IndexAbstracts, baseIds));
    }

    /// <summary>The old tombstone counts plus those of base entries that die now (re-tokenized: they are few);
    /// null if some term is unexpectedly missing from the base.</summary>
    private static Dictionary<int, int>? DeadPostings(IndexLayout old, bool[]? dead, CancellationToken ct)
    {
        var counts = new Dictionary<int, int>(old.Terms.DeadPostings);
        if (dead is null) return counts;
        var dying = new List<Entry>();
        for (var u = 0; u < old.BaseIds; u++)
            if (dead[u] && (old.PositionOf is null || old.PositionOf[u] >= 0)) dying.Add(old.ById[u]);
        if (dying.Count == 0) return counts;
        var pass = new ForwardPass(dying, 0, dying.Count, old.IndexAbstracts, null, ct);
        var baseTerms = old.Terms.Base.Terms;
        var ids = new int[pass.Terms.Count];
        for (var t = 0; t < ids.Length; t++)
            if ((ids[t] = SortedStrings.Find(baseTerms, pass.Terms[t])) < 0) return null;
        for (var t = 0; t < ids.Length; t++) counts[ids[t]] = counts.GetValueOrDefault(ids[t]) + pass.Uses(t);
        return counts;
    }

    /// <summary>Surviving base keys (already sorted) with the delta's inserted at their binary-searched places; runs
    /// of equal folded keys (known from the old ties, or met at an insertion) are then re-ordered by key and position,
    /// as a full build orders them. When every base key survives and the delta is small, the folded keys are the old
    /// table's with the delta's placed among them (<see cref="FoldedKeys.Inserted"/>), not a copy.</summary>
    /// <param name="positionOf">Each id's position; null when ids are positions.</param>
    private static KeyTable MergeKeys(KeyTable old, int baseIds, bool[]? dead, IReadOnlyList<Entry> byId, int[]? positionOf, int count)
    {
        var deltaIds = new int[byId.Count - baseIds];
        var deltaFolded = new string[deltaIds.Length];
        for (var k = 0; k < deltaIds.Length; k++) { deltaIds[k] = baseIds + k; deltaFolded[k] = SearchIndexBuilder.AlnumKey(byId[baseIds + k].Key); }
        Array.Sort(deltaFolded, deltaIds, StringComparer.Ordinal);
        var insertAt = new int[deltaIds.Length];
        for (var k = 0; k < insertAt.Length; k++) insertAt[k] = SortedStrings.PrefixRange(old.Folded, deltaFolded[k]).Lo;

        // Shared only if every old key stays (none dead, none of an old delta's, which the new delta replaces).
        var shared = dead is null && old.Folded.Count == baseIds && old.Folded.IsFlat && deltaIds.Length <= MaxInserted;
        var folded = shared ? null
            : new FoldedKeys.Builder(count, (old.Folded.IsFlat ? old.Folded.Chars.Length : old.Folded.Count * 16) + deltaFolded.Sum(k => k.Length));
        var placed = new int[shared ? deltaIds.Length : 0];
        var ids = new int[count];
        var ties = new List<int>();
        int n = 0, d = 0, t = 0, runStart = 0, previousOld = -1, lastOld = -1, lastDelta = -1;
        for (var i = 0; i < old.Folded.Count; i++)
        {
            if (t < old.Ties.Length && old.Ties[t] == i) t++; else runStart = i;
            while (d < insertAt.Length && insertAt[d] == i) AddDelta(d++);
            var id = old.EntryIds[i];
            if (id >= baseIds || dead is not null && dead[id]) continue;
            if (n > 0 && (previousOld >= 0 ? previousOld >= runStart : Last().SequenceEqual(old.Folded[i]))) ties.Add(n);
            folded?.Add(old.Folded[i]);
            (ids[n], previousOld, lastOld, lastDelta) = (id, i, i, -1);
            n++;
        }
        while (d < insertAt.Length) AddDelta(d++);

        var tie = Comparer<int>.Create((a, b) => string.CompareOrdinal(byId[a].Key, byId[b].Key) is var c and not 0 ? c
            : positionOf is null ? a.CompareTo(b) : positionOf[a].CompareTo(positionOf[b]));
        for (var r = 0; r < ties.Count;)
        {
            var start = ties[r] - 1;
            var end = ties[r] + 1;
            for (r++; r < ties.Count && ties[r] == end; r++) end++;
            Array.Sort(ids, start, end - start, tie);
        }
        return new KeyTable(folded?.Build() ?? FoldedKeys.Inserted(old.Folded, deltaFolded, placed), ids, [.. ties]);

        ReadOnlySpan<char> Last() => lastDelta >= 0 ? deltaFolded[lastDelta] : old.Folded[lastOld];

        void AddDelta(int k)
        {
            if (n > 0 && Last().SequenceEqual(deltaFolded[k])) ties.Add(n);
            folded?.Add(deltaFolded[k]);
            if (shared) placed[k] = n;
            (ids[n], previousOld, lastDelta) = (deltaIds[k], -1, k);
            n++;
        }
    }

    /// <summary>Most keys a table places among another's (each read of the table then searches their places).</summary>
    private const int MaxInserted = 4096;
}
