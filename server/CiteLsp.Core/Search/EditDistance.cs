namespace CiteLsp.Core.Search;

/// <summary>Restricted Damerau-Levenshtein (optimal string alignment): insertions, deletions, substitutions and
/// adjacent transpositions each cost one ("dobule" → "double" is 1). Gives up early once the bound is exceeded.</summary>
internal static class EditDistance
{
    /// <summary>The distance, or <paramref name="max"/> + 1 when it exceeds <paramref name="max"/>.
    /// With <paramref name="prefixOfB"/>, the distance from <paramref name="a"/> to the closest prefix of <paramref name="b"/>.</summary>
    public static int Osa(ReadOnlySpan<char> a, ReadOnlySpan<char> b, int max, bool prefixOfB = false)
    {
        if (prefixOfB && b.Length > a.Length + max) b = b[..(a.Length + max)];
        if (!prefixOfB && Math.Abs(a.Length - b.Length) > max) return max + 1;
        if (b.Length > 62) return max + 1;
        var m = b.Length;
        Span<int> prev2 = stackalloc int[m + 1], prev = stackalloc int[m + 1], cur = stackalloc int[m + 1];
        for (var j = 0; j <= m; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = i;
            for (var j = 1; j <= m; j++)
            {
                var v = Math.Min(Math.Min(prev[j], cur[j - 1]) + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) v = Math.Min(v, prev2[j - 2] + 1);
                cur[j] = v;
                if (v < rowMin) rowMin = v;
            }
            if (rowMin > max) return max + 1;
            var t = prev2; prev2 = prev; prev = cur; cur = t;
        }
        var d = prev[m];
        if (prefixOfB) foreach (var v in prev) d = Math.Min(d, v);
        return Math.Min(d, max + 1);
    }

    /// <summary>Edits tolerated for a token: none below 4 letters, one from 4, two from 8.</summary>
    public static int Budget(int length) => length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
