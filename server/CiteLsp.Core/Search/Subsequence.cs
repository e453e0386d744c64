namespace CiteLsp.Core.Search;

/// <summary>fzf-style subsequence scoring (after fzf's v1 algorithm): every pattern character in order,
/// rewarding word starts, camelCase and letter/digit boundaries and consecutive runs, penalising gaps.</summary>
internal static class Subsequence
{
    private const int ScoreMatch = 16, GapStart = -3, GapExtension = -1;
    private const int BonusBoundary = 8, BonusCamel = 7, BonusConsecutive = 4, FirstCharMultiplier = 2;

    /// <summary>Quick check on folded text: is <paramref name="pattern"/> a subsequence of <paramref name="text"/>?</summary>
    public static bool Contains(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        var p = 0;
        for (var i = 0; i < text.Length && p < pattern.Length; i++) if (text[i] == pattern[p]) p++;
        return p == pattern.Length;
    }

    /// <summary>Score in [0, 1] of the shortest match window found the fzf v1 way (forward scan, then backward to tighten),
    /// or -1 when there is no match. <paramref name="folded"/> is compared; <paramref name="original"/> (same length, or empty) gives camelCase.</summary>
    public static double Score(ReadOnlySpan<char> folded, ReadOnlySpan<char> original, ReadOnlySpan<char> pattern, Span<int> positions = default)
    {
        if (pattern.Length == 0) return -1;
        int p = 0, end = -1;
        for (var i = 0; i < folded.Length; i++)
            if (folded[i] == pattern[p] && ++p == pattern.Length) { end = i; break; }
        if (end < 0) return -1;
        var start = end;
        for (int i = end, q = pattern.Length - 1; i >= 0; i--)
            if (folded[i] == pattern[q]) { start = i; if (--q < 0) break; }

        var score = 0; var inGap = false; var consecutive = 0; var firstBonus = 0; var k = 0;
        for (var i = start; i <= end && k < pattern.Length; i++)
        {
            if (folded[i] != pattern[k])
            {
                score += inGap ? GapExtension : GapStart;
                inGap = true; consecutive = 0;
                continue;
            }
            var bonus = Bonus(folded, original, i);
            if (consecutive == 0) firstBonus = bonus;
            else bonus = Math.Max(Math.Max(bonus, firstBonus), BonusConsecutive);
            score += ScoreMatch + (k == 0 ? bonus * FirstCharMultiplier : bonus);
            if (k < positions.Length) positions[k] = i;
            inGap = false; consecutive++; k++;
        }
        var best = pattern.Length * (ScoreMatch + BonusBoundary) + BonusBoundary;
        return Math.Clamp((double)score / best, 0, 1);
    }

    private static int Bonus(ReadOnlySpan<char> folded, ReadOnlySpan<char> original, int i)
    {
        if (i == 0) return BonusBoundary;
        var prev = folded[i - 1];
        if (!TermSplitter.IsWordChar(prev)) return BonusBoundary;
        if (char.IsAsciiDigit(prev) != char.IsAsciiDigit(folded[i])) return BonusCamel;
        if (original.Length == folded.Length && char.IsLower(original[i - 1]) && char.IsUpper(original[i])) return BonusCamel;
        return 0;
    }
}
