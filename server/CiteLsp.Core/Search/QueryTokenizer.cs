using CiteLsp.Core.Text;

namespace CiteLsp.Core.Search;

/// <summary>Splits a query into folded tokens. "nakkiran2019" stays whole when some key starts with it,
/// otherwise it becomes "nakkiran" + "2019" (the parts then match author and year separately).</summary>
internal static class QueryTokenizer
{
    public static List<string> Split(string query, KeyTable keys)
    {
        var tokens = new List<string>();
        var folded = TextFolding.Fold(query);
        var i = 0;
        while (i < folded.Length)
        {
            if (!TermSplitter.IsWordChar(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && TermSplitter.IsWordChar(folded[i])) i++;
            var word = folded.AsSpan(start, i - start);
            var (lo, hi) = SortedStrings.PrefixRange(keys.Folded, word);
            if (hi > lo) { tokens.Add(word.ToString()); continue; }
            var partStart = 0;
            for (var j = 1; j <= word.Length; j++)
            {
                if (j < word.Length && !TermSplitter.IsBoundary(word, default, j)) continue;
                tokens.Add(word[partStart..j].ToString());
                partStart = j;
            }
        }
        return tokens;
    }
}
