using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>Pairs the entries of a new list with unchanged base entries of an index (same Key, same non-zero
/// ContentHash). A rewrite keeps the order, so a first pass tries the position the previous match suggests and a few
/// around it; only the new entries it leaves over are then looked up by hash, among the base entries it left over.</summary>
internal static class EntryMatcher
{
    private const int Window = 3;

    /// <summary>Per new position: the base id of an unchanged entry (each used once), or -1.</summary>
    public static int[] Match(IndexLayout old, IReadOnlyList<Entry> entries, CancellationToken ct)
    {
        var used = new bool[old.BaseIds];
        var result = new int[entries.Count];
        var unresolved = new List<int>();
        var shift = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if ((i & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            result[i] = -1;
            var entry = entries[i];
            // The same object at the expected place: a reload re-used it (no need to touch it).
            if ((uint)(i + shift) < (uint)old.Entries.Count && ReferenceEquals(old.Entries[i + shift], entry)
                && Take(old, used, entry, i + shift, out result[i])) continue;
            if (entry.ContentHash == 0) continue;
            if (Take(old, used, entry, i + shift, out result[i])) continue;
            for (var w = 1; w <= Window && result[i] < 0; w++)
            {
                if (Take(old, used, entry, i + shift + w, out result[i])) shift += w;
                else if (Take(old, used, entry, i + shift - w, out result[i])) shift -= w;
            }
            if (result[i] < 0) unresolved.Add(i);
        }
        if (unresolved.Count > 0) MatchByHash(old, entries, used, unresolved, result);
        return result;
    }

    private static void MatchByHash(IndexLayout old, IReadOnlyList<Entry> entries, bool[] used, List<int> unresolved, int[] result)
    {
        // Hash → first left-over old position, chained through equal hashes in ascending position.
        var first = new Dictionary<ulong, int>();
        var next = new Dictionary<int, int>();
        for (var j = old.Entries.Count - 1; j >= 0; j--)
        {
            var id = old.IdAt(j);
            if (id >= used.Length || used[id]) continue;
            var h = old.Entries[j].ContentHash;
            if (h == 0) continue;
            if (first.TryGetValue(h, out var head)) next[j] = head;
            first[h] = j;
        }
        foreach (var i in unresolved)
        {
            if (!first.TryGetValue(entries[i].ContentHash, out var j)) continue;
            while (!Take(old, used, entries[i], j, out result[i]) && next.TryGetValue(j, out j)) { }
        }
    }

    private static bool Take(IndexLayout old, bool[] used, Entry entry, int position, out int id)
    {
        id = -1;
        if ((uint)position >= (uint)old.Entries.Count) return false;
        var candidate = old.IdAt(position);
        if (candidate >= used.Length || used[candidate]) return false;
        var o = old.Entries[position];
        if (!ReferenceEquals(o, entry) && (o.ContentHash != entry.ContentHash || !string.Equals(o.Key, entry.Key, StringComparison.Ordinal))) return false;
        used[candidate] = true;
        id = candidate;
        return true;
    }
}
