using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>Finds the terms and keys one token matches by scanning the sorted term dictionary (never the entries):
/// a prefix range, then subsequence and typo candidates restricted by first letter, length and character mask.</summary>
internal static class TokenPlanner
{
    private const int MaxFuzzyTerms = 200;
    private const int MaxFuzzyKeys = 1000;

    /// <param name="byId">Entries by internal id.</param>
    /// <param name="positionOf">Internal id → position in the entry list (null: the same), for tie-breaks a full build makes by position.</param>
    public static TokenPlan Plan(string token, LiveTerms dict, KeyTable keys, IReadOnlyList<Entry> byId, int[]? positionOf, bool prefixOnly = false)
    {
        var plan = new TokenPlan(token);
        var (lo, hi) = SortedStrings.PrefixRange(dict.Base.Terms, token);
        var (dlo, dhi) = dict.Delta is { } delta ? SortedStrings.PrefixRange(delta.Terms, token) : (0, 0);
        AddPrefixes(plan, dict, dict.Base, 0, lo, hi);
        if (dict.Delta is not null) AddPrefixes(plan, dict, dict.Delta, dict.BaseCount, dlo, dhi);
        if (prefixOnly) return Costed(plan, dict);

        var numeric = token.All(char.IsAsciiDigit);
        if (numeric && token.Length == 2)
            foreach (var century in (string[])["19", "20"])
            {
                if (SortedStrings.Find(dict.Base.Terms, century + token) is var y and >= 0 && dict.IsLiveBase(y)) plan.Terms.Add((y, MatchQuality.TwoDigitYear));
                if (dict.Delta is not null && SortedStrings.Find(dict.Delta.Terms, century + token) is var z and >= 0)
                    plan.Terms.Add((dict.BaseCount + z, MatchQuality.TwoDigitYear));
            }
        if (!numeric) AddFuzzyTerms(plan, dict, lo, hi, dlo, dhi);
        AddKeys(plan, keys, byId, positionOf, numeric);
        return Costed(plan, dict);
    }

    private static void AddPrefixes(TokenPlan plan, LiveTerms live, TermDictionary dict, int offset, int lo, int hi)
    {
        var terms = dict.Terms;
        var isBase = offset == 0;
        for (var t = lo; t < hi; t++)
        {
            if (isBase && !live.IsLiveBase(t)) continue;
            plan.Terms.Add((offset + t, MatchQuality.Prefix(plan.Token.Length, terms[t].Length)));
            plan.HasPrefixMatch = true;
        }
    }

    private static void AddFuzzyTerms(TokenPlan plan, LiveTerms live, int lo, int hi, int dlo, int dhi)
    {
        var fuzzy = Fuzzy(plan, live, live.Base, lo, hi);
        var top = fuzzy.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(MaxFuzzyTerms);
        if (live.Delta is not { } delta) { foreach (var (t, q) in top) plan.Terms.Add((t, q)); return; }
        var extra = Fuzzy(plan, live, delta, dlo, dhi).OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).ToList();
        MergeFuzzy(plan, live, [.. top], extra);
    }

    /// <summary>The cap a full build applies to one sorted dictionary, applied to two: best quality first, ties by
    /// term (ids within one dictionary, strings across); a term present in both takes one slot.</summary>
    private static void MergeFuzzy(TokenPlan plan, LiveTerms live, List<KeyValuePair<int, float>> fromBase, List<KeyValuePair<int, float>> fromDelta)
    {
        var baseTerms = live.Base.Terms;
        var deltaTerms = live.Delta!.Terms;
        int i = 0, j = 0, slots = 0;
        while (slots < MaxFuzzyTerms && (i < fromBase.Count || j < fromDelta.Count))
        {
            var order = i == fromBase.Count ? 1 : j == fromDelta.Count ? -1
                : fromBase[i].Value != fromDelta[j].Value ? (fromBase[i].Value > fromDelta[j].Value ? -1 : 1)
                : string.CompareOrdinal(baseTerms[fromBase[i].Key], deltaTerms[fromDelta[j].Key]);
            if (order <= 0) { plan.Terms.Add((fromBase[i].Key, fromBase[i].Value)); i++; }
            if (order >= 0) { plan.Terms.Add((live.BaseCount + fromDelta[j].Key, fromDelta[j].Value)); j++; }
            slots++;
        }
    }

    /// <summary>Subsequence and typo candidates of one dictionary outside the prefix range [lo, hi), live terms only.</summary>
    private static Dictionary<int, float> Fuzzy(TokenPlan plan, LiveTerms live, TermDictionary dict, int lo, int hi)
    {
        var token = plan.Token;
        var terms = dict.Terms;
        var isBase = dict == live.Base;
        var fuzzy = new Dictionary<int, float>();
        var (flo, fhi) = SortedStrings.PrefixRange(terms, token.AsSpan(0, 1));
        var budget = EditDistance.Budget(token.Length);
        var mask = TermDictionary.Mask(token);
        for (var t = token.Length >= 3 ? flo : fhi; t < fhi; t++)
        {
            if (t >= lo && t < hi) continue;
            // A character of the token missing from the term rules out a subsequence, and each costs an edit.
            var missing = TermDictionary.Missing(mask, dict.Masks[t]);
            if (missing > budget) continue;
            var term = terms[t];
            if (missing == 0 && token.Length >= 3 && Subsequence.Contains(term.AsSpan(1), token.AsSpan(1)) && (!isBase || live.IsLiveBase(t)))
                Keep(fuzzy, t, MatchQuality.Subsequence(Subsequence.Score(term, default, token)));
            if (budget > 0 && term.Length > token.Length && missing <= budget
                && EditDistance.Osa(token, term, budget, prefixOfB: true) is var d and > 0 && d <= budget && (!isBase || live.IsLiveBase(t)))
                Keep(fuzzy, t, MatchQuality.Typo(d, prefix: true));
        }
        for (var len = Math.Max(1, token.Length - budget); budget > 0 && len <= Math.Min(token.Length + budget, TermDictionary.MaxTypoLength); len++)
            foreach (var t in dict.ByLength[len])
            {
                if (t >= lo && t < hi) continue;
                var m = dict.Masks[t];
                if (TermDictionary.Missing(mask, m) > budget || TermDictionary.Missing(m, mask) > budget) continue;
                var d = EditDistance.Osa(token, terms[t], budget);
                if (d > budget || isBase && !live.IsLiveBase(t)) continue;
                Keep(fuzzy, t, MatchQuality.Typo(d, prefix: false));
                plan.HasTypoMatch = true;
            }
        return fuzzy;
    }

    private static void AddKeys(TokenPlan plan, KeyTable keys, IReadOnlyList<Entry> byId, int[]? positionOf, bool numeric)
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
            if (i >= lo && i < hi || !Subsequence.Contains(keys.Folded[i][1..], token.AsSpan(1))) continue;
            var key = byId[keys.EntryIds[i]].Key;
            var folded = key.Length <= lower.Length && key.All(char.IsAscii) ? Lower(key, lower) : Text.TextFolding.Fold(key).AsSpan();
            var s = Subsequence.Score(folded, folded.Length == key.Length ? key : default, token);
            if (s >= 0) fuzzy.Add((keys.EntryIds[i], MatchQuality.KeySubsequence(s)));
        }
        if (fuzzy.Count > MaxFuzzyKeys)
            fuzzy = fuzzy.OrderByDescending(k => k.Quality).ThenBy(k => positionOf?[k.Entry] ?? k.Entry).Take(MaxFuzzyKeys).ToList();
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

    private static TokenPlan Costed(TokenPlan plan, LiveTerms dict)
    {
        long cost = plan.Keys.Count;
        foreach (var (t, _) in plan.Terms) cost += dict.PostingCount(t);
        plan.Cost = plan.TriesSplits ? cost + (1L << 40) : cost; // splits are cheap only once other tokens have filtered
        return plan;
    }
}
