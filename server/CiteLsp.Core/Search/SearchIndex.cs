using System.Collections.Concurrent;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>Immutable fuzzy index over entries; thread-safe to search. Every query token must match some field
/// (key, author names, title, year, venue, abstract); the score sums each token's best quality × field weight.
/// Results are ordered by score, then newer year, then key alphabetically (<see cref="HitOrder"/>);
/// an empty query lists recent keys, then keys alphabetically.</summary>
public sealed class SearchIndex
{
    private readonly IReadOnlyList<Entry> _entries;
    private readonly TermDictionary _terms;
    private readonly KeyTable _keys;
    private readonly int[] _alphabeticalRank;
    private readonly HitOrder _hitOrder;
    private readonly ConcurrentBag<ScoreMap> _maps = [];

    private SearchIndex(IReadOnlyList<Entry> entries, TermDictionary terms, KeyTable keys)
    {
        _entries = entries; _terms = terms; _keys = keys;
        _alphabeticalRank = new int[entries.Count];
        for (var i = 0; i < keys.EntryIds.Length; i++) _alphabeticalRank[keys.EntryIds[i]] = i;
        var years = new int[entries.Count];
        for (var e = 0; e < years.Length; e++) years[e] = entries[e].Year ?? int.MinValue;
        _hitOrder = new HitOrder(years, _alphabeticalRank);
    }

    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>Distinct indexed terms (for diagnostics and benchmarks).</summary>
    public int TermCount => _terms.Terms.Length;

    /// <param name="indexAbstracts">Abstract words match with a low weight; query time does not depend on abstract length.</param>
    public static SearchIndex Build(IReadOnlyList<Entry> entries, bool indexAbstracts = true, CancellationToken ct = default)
    {
        var (terms, keys) = SearchIndexBuilder.Build(entries, indexAbstracts, ct);
        return new SearchIndex(entries, terms, keys);
    }

    public IReadOnlyList<SearchHit> Search(string query, int limit, SearchOptions? options = null, CancellationToken ct = default)
    {
        if (limit <= 0 || _entries.Count == 0) return [];
        var tokens = QueryTokenizer.Split(query, _keys);
        if (tokens.Count == 0) return ListAll(limit, options, ct);

        var plans = tokens.Select(t => TokenPlanner.Plan(t, _terms, _keys, _entries)).OrderBy(p => p.Cost).ToList();
        ScoreMap? total = null;
        try
        {
            foreach (var plan in plans)
            {
                ct.ThrowIfCancellationRequested();
                var map = Rent();
                Evaluate(plan, total, map, ct);
                if (total is not null)
                {
                    foreach (var e in map.Ids) map.Replace(e, map[e] + total[e]);
                    Return(total);
                }
                total = map;
                if (total.Ids.Count == 0) return [];
            }
            var top = new TopK(limit, _hitOrder);
            foreach (var e in total!.Ids) top.Offer(total[e] + Adjustment(e, options, emptyQuery: false), e);
            return top.Drain().Select(h => Hit(h, tokens)).ToList();
        }
        finally
        {
            if (total is not null) Return(total);
        }
    }

    private IReadOnlyList<SearchHit> ListAll(int limit, SearchOptions? options, CancellationToken ct)
    {
        if (options?.Boost is null && options?.RecentKeys is not { Count: > 0 })
            return _keys.EntryIds.Take(limit).Select(e => new SearchHit(_entries[e], 0, [])).ToList();
        var top = new TopK(limit, new AlphabeticalOrder(_alphabeticalRank));
        for (var e = 0; e < _entries.Count; e++)
        {
            if ((e & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            top.Offer(Adjustment(e, options, emptyQuery: true), e);
        }
        return top.Drain().Select(h => new SearchHit(_entries[h.Entry], h.Score, [])).ToList();
    }

    /// <summary>Caller boost plus recency: dominant on an empty query, a small nudge otherwise.</summary>
    private double Adjustment(int entry, SearchOptions? options, bool emptyQuery)
    {
        if (options is null) return 0;
        var score = options.Boost?.Invoke(_entries[entry]) ?? 0;
        if (options.RecentKeys?.TryGetValue(_entries[entry].Key, out var rank) == true)
            score += emptyQuery ? 1 + 1.0 / (1 + Math.Max(0, rank)) : 0.05 + 0.05 / (1 + Math.Max(0, rank));
        return score;
    }

    private SearchHit Hit((double Score, int Entry) h, List<string> tokens) =>
        new(_entries[h.Entry], Math.Round(h.Score, 6), MatchHighlighter.Find(_entries[h.Entry], tokens));

    /// <summary>Best quality × field weight of one token for each entry (restricted to <paramref name="filter"/> when given).</summary>
    private void Evaluate(TokenPlan plan, ScoreMap? filter, ScoreMap into, CancellationToken ct, bool splits = true)
    {
        var weights = FieldWeights.Of;
        int[]? candidates = null;
        foreach (var (term, quality) in plan.Terms)
        {
            if (ct.IsCancellationRequested) ct.ThrowIfCancellationRequested();
            var postings = _terms.PostingsOf(term);
            if (filter is not null && (long)filter.Ids.Count * 16 < postings.Length)
            {
                candidates ??= [.. filter.Ids.Order()];
                Gallop(postings, candidates, quality, into);
                continue;
            }
            foreach (var p in postings)
            {
                var e = p >>> 3;
                if (filter is null || filter.Contains(e)) into.Max(e, quality * weights[p & 7]);
            }
        }
        foreach (var (e, quality) in plan.Keys)
            if (filter is null || filter.Contains(e)) into.Max(e, quality * FieldWeights.WholeKey);
        if (splits && plan.TriesSplits) EvaluateSplits(plan.Token, filter, into, ct);
    }

    /// <summary>Few candidates, long postings list: look each candidate up by exponential search (postings ascend by entry).</summary>
    private static void Gallop(ReadOnlySpan<int> postings, int[] candidates, float quality, ScoreMap into)
    {
        var weights = FieldWeights.Of;
        var lo = 0;
        foreach (var c in candidates)
        {
            var step = 1;
            var hi = lo;
            while (hi < postings.Length && postings[hi] >>> 3 < c) { lo = hi + 1; hi += step; step <<= 1; }
            hi = Math.Min(hi, postings.Length - 1);
            while (lo <= hi)
            {
                var mid = (lo + hi) >>> 1;
                if (postings[mid] >>> 3 < c) lo = mid + 1; else hi = mid - 1;
            }
            if (lo >= postings.Length) return;
            if (postings[lo] >>> 3 == c) into.Max(c, quality * weights[postings[lo] & 7]);
        }
    }

    /// <summary>"kapdoub" → entries with a word starting "kap" and one starting "doub" (every split with both halves ≥ 3).</summary>
    private void EvaluateSplits(string token, ScoreMap? filter, ScoreMap into, CancellationToken ct)
    {
        var first = Rent();
        var second = Rent();
        try
        {
            for (var cut = 3; cut <= token.Length - 3; cut++)
            {
                first.Clear(); second.Clear();
                var a = TokenPlanner.Plan(token[..cut], _terms, _keys, _entries, prefixOnly: true);
                var b = TokenPlanner.Plan(token[cut..], _terms, _keys, _entries, prefixOnly: true);
                if (!a.HasPrefixMatch || !b.HasPrefixMatch) continue;
                if (b.Cost < a.Cost) (a, b) = (b, a); // the rarer half first; the other is intersected with it
                Evaluate(a, filter, first, ct, splits: false);
                Evaluate(b, first, second, ct, splits: false);
                foreach (var e in second.Ids) into.Max(e, MatchQuality.Split * (first[e] + second[e]) / 2);
            }
        }
        finally { Return(first); Return(second); }
    }

    private ScoreMap Rent() => _maps.TryTake(out var map) && map.Size == _entries.Count ? map : new ScoreMap(_entries.Count);

    private void Return(ScoreMap map)
    {
        map.Clear();
        _maps.Add(map);
    }
}
