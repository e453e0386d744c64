namespace CiteLsp.Core.Search;

/// <summary>The documented, stable result order: score descending, then year descending (no year last), then key
/// alphabetically (folded letters and digits; equal folded keys by ordinal key). Reads flat arrays: ties are common.</summary>
internal sealed class HitOrder(int[] years, int[] alphabeticalRank) : IComparer<(double Score, int Entry)>
{
    /// <summary>Negative when <paramref name="a"/> ranks before <paramref name="b"/>.</summary>
    public int Compare((double Score, int Entry) a, (double Score, int Entry) b)
    {
        if (a.Score != b.Score) return a.Score > b.Score ? -1 : 1;
        var ya = years[a.Entry];
        var yb = years[b.Entry];
        if (ya != yb) return ya > yb ? -1 : 1;
        return alphabeticalRank[a.Entry].CompareTo(alphabeticalRank[b.Entry]);
    }
}

/// <summary>Empty-query order: score (boost, recency) descending, then alphabetical by key.</summary>
internal sealed class AlphabeticalOrder(int[] alphabeticalRank) : IComparer<(double Score, int Entry)>
{
    public int Compare((double Score, int Entry) a, (double Score, int Entry) b) =>
        a.Score != b.Score ? (a.Score > b.Score ? -1 : 1) : alphabeticalRank[a.Entry].CompareTo(alphabeticalRank[b.Entry]);
}
