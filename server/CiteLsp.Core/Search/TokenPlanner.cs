using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>Finds the terms and keys one token matches by scanning the sorted term dictionary (never the entries):
/// a prefix range, then subsequence and typo candidates restricted by first letter, length and character mask.</summary>
internal static class TokenPlanner
{
    private const int MaxFuzzyTerms = 200;
    private const int MaxFuzzyKeys = 1000;

    public static TokenPlan Plan(string token, TermDictionary dict, KeyTable keys, IReadOnlyList<Entry> entries, bool prefixOnly = false)
    {
        var plan = new TokenPlan(token);
        var terms = dict.Terms;
        var (lo, hi) = SortedStrings.PrefixRange(terms, token);
        for (var t = lo; t < hi; t++) plan.Terms.Add((t, MatchQuality.Prefix(token.Length, terms[t].Length)));
        plan.HasPrefixMatch = hi > lo;
        if (prefixOnly) return Costed(plan, dict);

        var numeric = token.All(char.IsAsciiDigit);
        if (numeric && token.Length == 2)
            foreach (var century in (string[])["19", "20"])
                if (SortedStrings.Find(terms, century + token) is var y and >= 0) plan.Terms.Add((y, MatchQuality.TwoDigitYear));
        if (!numeric) AddFuzzyTerms(plan, dict, lo, hi);
        AddKeys(plan, keys, entries, numeric);
        return Costed(plan, dict);
    }

    private static void AddFuzzyTerms(TokenPlan plan, TermDictionary dict, int lo, int hi)
    {
        var token = plan.Token;
        var terms = dict.Terms;
        var fuzzy = new Dictionary<int, float>();
        var (flo, fhi) = SortedStrings.PrefixRange(terms, token.AsSpan(0, 1));
        var budget = EditDistance.Budget(token.Length);
        var mask = TermDictionary.Mask(token);
        for (var t = token.Length >= 3 ? flo : fhi; t < fhi; t++)
        {
            if (t >= lo && t < hi) continue;
            var term = terms[t];
            if (token.Length >= 3 && Subsequence.Contains(term.AsSpan(1), token.AsSpan(1)))
                Keep(fuzzy, t, MatchQuality.Subsequence(Subsequence.Score(term, default, token)));
            if (budget > 0 && term.Length > token.Length && TermDictionary.Missing(mask, dict.Masks[t]) <= budget
                && EditDistance.Osa(token, term, budget, prefixOfB: true) is var d and > 0 && d <= budget)
                Keep(fuzzy, t, MatchQuality.Typo(d, prefix: true));
        }
        for (var len = Math.Max(1, token.Length - budget); budget > 0 && len <= Math.Min(token.Length + budget, TermDictionary.MaxTypoLength); len++)
            foreach (var t in dict.ByLength[len])
            {
                if (t >= lo && t < hi) continue;
                var m = dict.Masks[t];
                if (TermDictionary.Missing(mask, m) > budget || TermDictionary.Missing(m, mask) > budget) continue;
                var d = EditDistance.Osa(token, terms[t], budget);
                if (d > budget) continue;
                Keep(fuzzy, t, MatchQuality.Typo(d, prefix: false));
                plan.HasTypoMatch = true;
            }
        foreach (var (t, q) in fuzzy.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxFuzzyTerms)) plan.Terms.Add((t, q));
    }

    private static void AddKeys(TokenPlan plan, KeyTable keys, IReadOnlyList<Entry> entries, bool numeric)
    {
        var token = plan.Token;
        if (token.Length < 2) return;
        var (lo, hi) = SortedStrings.PrefixRange(keys.Folded, token);
        for (var i = lo; i < hi; i++) plan.Keys.Add((keys.EntryIds[i], MatchQuality.KeyPrefix(token.Length, keys.Folded[i].Length)));
        plan.HasPrefixMatch |= hi > lo;
        // Subsequences over keys are a fallback: the scan is linear in the keys sharing the first letter.
        if (token.Length < 3 || numeric || !plan.NeedsFallback) return;

        var fuzzy = new List<(int Entry, float Quality)>();
        var (flo, fhi) = SortedStrings.PrefixRange(keys.Folded, token.AsSpan(0, 1));
        Span<char> lower = stackalloc char[128];
        for (var i = flo; i < fhi; i++)
        {
            if (i >= lo && i < hi || !Subsequence.Contains(keys.Folded[i].AsSpan(1), token.AsSpan(1))) continue;
            var key = entries[keys.EntryIds[i]].Key;
            var folded = key.Length <= lower.Length && key.All(char.IsAscii) ? Lower(key, lower) : Text.TextFolding.Fold(key).AsSpan();
            var s = Subsequence.Score(folded, folded.Length == key.Length ? key : default, token);
            if (s >= 0) fuzzy.Add((keys.EntryIds[i], MatchQuality.KeySubsequence(s)));
        }
        if (fuzzy.Count > MaxFuzzyKeys) fuzzy = fuzzy.OrderByDescending(k => k.Quality).ThenBy(k => k.Entry).Take(MaxFuzzyKeys).ToList();
        plan.Keys.AddRange(fuzzy);
    }

    private static ReadOnlySpan<char> Lower(string s, Span<char> buffer)
    {
        var n = s.AsSpan().ToLowerInvariant(buffer);
        return buffer[..n];
    }

    private static void Keep(Dictionary<int, float> best, int term, float quality)
    {
        if (!best.TryGetValue(term, out var q) || quality > q) best[term] = quality;
    }

    private static TokenPlan Costed(TokenPlan plan, TermDictionary dict)
    {
        long cost = plan.Keys.Count;
        foreach (var (t, _) in plan.Terms) cost += dict.PostingCount(t);
        plan.Cost = plan.TriesSplits ? cost + (1L << 40) : cost; // splits are cheap only once other tokens have filtered
        return plan;
    }
}
