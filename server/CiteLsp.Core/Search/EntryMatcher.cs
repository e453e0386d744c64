using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>Pairs the entries of a new list with unchanged base entries of an index (same Key, same non-zero
/// ContentHash): first at the position the previous match suggests (a rewrite keeps the order), else by hash.</summary>
internal static class EntryMatcher
{
    /// <summary>Per new position: the base id of an unchanged entry (each used once), or -1.</summary>
    public static int[] Match(IndexLayout old, IReadOnlyList<Entry> entries, CancellationToken ct)
    {
        var oldEntries = old.Entries;
        var used = new bool[old.BaseIds];
        var result = new int[entries.Count];
        Dictionary<ulong, int>? byHash = null;
        int[]? next = null;
        var shift = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            if ((i & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            result[i] = -1;
            var entry = entries[i];
            if (entry.ContentHash == 0) continue;
            if (Take(i + shift, out result[i])) continue;
            if (byHash is null) (byHash, next) = HashIndex(oldEntries);
            if (!byHash.TryGetValue(entry.ContentHash, out var j)) continue;
            for (; j >= 0; j = next![j])
                if (Take(j, out result[i])) { shift = j - i; break; }

            bool Take(int position, out int id)
            {
                id = -1;
                if ((uint)position >= (uint)oldEntries.Count) return false;
                var candidate = old.IdAt(position);
                var o = oldEntries[position];
                if (candidate >= used.Length || used[candidate] || o.ContentHash != entry.ContentHash || !string.Equals(o.Key, entry.Key, StringComparison.Ordinal))
                    return false;
                used[candidate] = true;
                id = candidate;
                return true;
            }
        }
        return result;
    }

    /// <summary>Hash → first position, with a chain through equal hashes in ascending position.</summary>
    private static (Dictionary<ulong, int>, int[]) HashIndex(IReadOnlyList<Entry> entries)
    {
        var first = new Dictionary<ulong, int>(entries.Count);
        var next = new int[entries.Count];
        for (var j = entries.Count - 1; j >= 0; j--)
        {
            var h = entries[j].ContentHash;
            if (h == 0) { next[j] = -1; continue; }
            next[j] = first.TryGetValue(h, out var head) ? head : -1;
            first[h] = j;
        }
        return (first, next);
    }
}
