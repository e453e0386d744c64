using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>The documented, stable result order: score descending, then year descending (no year last), then key (ordinal).</summary>
internal sealed class HitOrder(IReadOnlyList<Entry> entries) : IComparer<(double Score, int Entry)>
{
    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    public int Compare((double Score, int Entry) a, (double Score, int Entry) b)
    {
        if (a.Score != b.Score) return a.Score > b.Score ? -1 : 1;
        var ya = entries[a.Entry].Year ?? int.MinValue;
        var yb = entries[b.Entry].Year ?? int.MinValue;
        if (ya != yb) return ya > yb ? -1 : 1;
        var byKey = string.CompareOrdinal(entries[a.Entry].Key, entries[b.Entry].Key);
        return byKey != 0 ? byKey : a.Entry.CompareTo(b.Entry);
    }
}

/// <summary>Empty-query order: score (boost, recency) descending, then alphabetical by folded key.</summary>
internal sealed class AlphabeticalOrder(int[] alphabeticalRank) : IComparer<(double Score, int Entry)>
{
    public int Compare((double Score, int Entry) a, (double Score, int Entry) b) =>
        a.Score != b.Score ? (a.Score > b.Score ? -1 : 1) : alphabeticalRank[a.Entry].CompareTo(alphabeticalRank[b.Entry]);
}
