using CiteLsp.Core.Text;

namespace CiteLsp.Core.Search;

/// <summary>Splits a query into folded tokens. "nakkiran2019" stays whole when some key starts with it,
/// otherwise it becomes "nakkiran" + "2019" (the parts then match author and year separately).
/// A pasted paragraph is cut to its first <see cref="MaxTokens"/> words of at most <see cref="MaxTokenLength"/> characters.</summary>
internal static class QueryTokenizer
{
    public const int MaxTokens = 32;
    public const int MaxTokenLength = 128;

    public static List<string> Split(string query, KeyTable keys)
    {
        var tokens = new List<string>();
        var folded = TextFolding.Fold(query);
        var i = 0;
        while (i < folded.Length && tokens.Count < MaxTokens)
        {
            if (!TermSplitter.IsWordChar(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && TermSplitter.IsWordChar(folded[i])) i++;
            var word = folded.AsSpan(start, Math.Min(i - start, MaxTokenLength));
            var (lo, hi) = SortedStrings.PrefixRange(keys.Folded, word);
            if (hi > lo) { tokens.Add(word.ToString()); continue; }
            var partStart = 0;
            for (var j = 1; j <= word.Length; j++)
            {
                if (j < word.Length && !TermSplitter.IsBoundary(word, default, j)) continue;
                if (tokens.Count < MaxTokens) tokens.Add(word[partStart..j].ToString());
                partStart = j;
            }
        }
        return tokens;
    }
}
