using System.Collections.Concurrent;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>Immutable fuzzy index over entries; thread-safe to search. Every query token must match some field
/// (key, author names, title, year, venue, abstract); the score sums each token's best quality × field weight.
/// Results are ordered by score, then newer year, then key alphabetically (<see cref="HitOrder"/>);
/// an empty query lists recent keys, then keys alphabetically.</summary>
public sealed class SearchIndex
{
    private readonly IndexLayout _layout;
    private readonly IReadOnlyList<Entry> _entries;
    private readonly IReadOnlyList<Entry> _byId;
    private readonly LiveTerms _terms;
    private readonly KeyTable _keys;
    private readonly int[] _alphabeticalRank;
    private readonly HitOrder _hitOrder;
    private readonly ConcurrentBag<ScoreMap> _maps = [];
    private readonly PlanCache _plans;

    internal SearchIndex(IndexLayout layout)
    {
        _layout = layout;
        _entries = layout.Entries; _byId = layout.ById; _terms = layout.Terms; _keys = layout.Keys;
        _alphabeticalRank = new int[layout.IdCount];
        for (var i = 0; i < _keys.EntryIds.Length; i++) _alphabeticalRank[_keys.EntryIds[i]] = i;
        _hitOrder = new HitOrder(layout.Years, _alphabeticalRank);
        _plans = new PlanCache(t => TokenPlanner.Plan(t, _terms, _keys, _byId, _layout.PositionOf));
    }

    public IReadOnlyList<Entry> Entries => _entries;

    /// <summary>Distinct indexed terms (for diagnostics and benchmarks; after an update, base and delta terms summed).</summary>
    public int TermCount => _terms.Count;

    internal IndexLayout Layout => _layout;

    /// <param name="indexAbstracts">Abstract words match with a low weight; query time does not depend on abstract length.</param>
    public static SearchIndex Build(IReadOnlyList<Entry> entries, bool indexAbstracts = true, CancellationToken ct = default)
    {
        var (terms, keys) = SearchIndexBuilder.Build(entries, indexAbstracts, ct);
        return new SearchIndex(new IndexLayout(entries, entries, null, null, new LiveTerms(terms), keys, IndexLayout.YearsOf(entries), indexAbstracts, entries.Count));
    }

    /// <summary>An index over <paramref name="entries"/> (the whole new list) that searches exactly as
    /// <c>Build(entries, sameAbstractsFlag)</c> would. Entries with the Key and non-zero ContentHash of an entry indexed
    /// here are reused as they are; only the others are tokenized, into a small delta, and entries gone are tombstoned.
    /// Large changes (more than 5% of the entries, or no content hashes) fall back to a full build.</summary>
    public SearchIndex Update(IReadOnlyList<Entry> entries, CancellationToken ct = default) =>
        IndexUpdater.Update(this, entries, IndexUpdater.DefaultMaxDelta(entries.Count), ct);

    /// <summary>Writes the built structures in a compact binary form for <see cref="ReadFrom"/> (warm-start cache).</summary>
    public void WriteTo(Stream stream) => IndexFormat.Write(_layout, stream);

    /// <summary>Reads what <see cref="WriteTo"/> wrote for these same <paramref name="entries"/>; null when the data is
    /// malformed, truncated or written for other entries (the caller then rebuilds).</summary>
    public static SearchIndex? ReadFrom(Stream stream, IReadOnlyList<Entry> entries) => ReadFrom(stream, entries, checkEntries: true);

    /// <param name="checkEntries">False only when the data is known to be written for these entries (see IndexFormat.Read).</param>
    internal static SearchIndex? ReadFrom(Stream stream, IReadOnlyList<Entry> entries, bool checkEntries) =>
        IndexFormat.Read(stream, entries, checkEntries) is { } layout ? new SearchIndex(layout) : null;

    /// <summary>Below this many postings a token is read whole: ordering its terms by bound costs more than it saves.</summary>
    internal const long BoundedMinCost = 50_000;

    public IReadOnlyList<SearchHit> Search(string query, int limit, SearchOptions? options = null, CancellationToken ct = default) =>
        Search(query, limit, options, BoundedMinCost, ct);

    /// <param name="boundedMinCost">The last token of at least this cost may stop early (<see cref="EvaluateBounded"/>);
    /// long.MaxValue reads every posting (tests compare the two).</param>
    internal IReadOnlyList<SearchHit> Search(string query, int limit, SearchOptions? options, long boundedMinCost, CancellationToken ct = default)
    {
        if (limit <= 0 || _entries.Count == 0) return [];
        var tokens = QueryTokenizer.Split(query, _keys);
        if (tokens.Count == 0) return ListAll(limit, options, ct);
        // Adjustments could lift any entry: the early stop needs the scores the tokens alone give.
        var plain = options?.Boost is null && options?.RecentKeys is not { Count: > 0 };
        if (Score(tokens, limit, plain ? boundedMinCost : long.MaxValue, ct) is not { } total) return [];
        try
        {
            var top = new TopK(limit, _hitOrder);
            foreach (var e in total.Ids) top.Offer(total[e] + Adjustment(e, options, emptyQuery: false), e);
            return top.Drain().Select(h => Hit(h, tokens)).ToList();
        }
        finally { Return(total); }
    }

    /// <summary>How many entries a query's tokens score (fewer when the bounded read stopped early): for tests.</summary>
    internal int Scored(string query, int limit, long boundedMinCost)
    {
        if (Score(QueryTokenizer.Split(query, _keys), limit, boundedMinCost, default) is not { } total) return 0;
        var n = total.Ids.Count;
        Return(total);
        return n;
    }

    /// <summary>Entries matching every token with their summed scores (rented; the caller returns it), or null when none.</summary>
    private ScoreMap? Score(List<string> tokens, int limit, long boundedMinCost, CancellationToken ct)
    {
        var plans = tokens.Select(_plans.Get).OrderBy(p => p.Cost).ToList();
        ScoreMap? total = null;
        for (var i = 0; i < plans.Count; i++)
        {
            ct.ThrowIfCancellationRequested();
            var plan = plans[i];
            var map = Rent();
            // A cancelled query drops its maps rather than returning them: they are only a pool.
            if (i == plans.Count - 1 && !plan.TriesSplits && plan.Cost >= boundedMinCost) EvaluateBounded(plan, total, map, limit, ct);
            else Evaluate(plan, total, map, ct);
            if (total is not null)
            {
                foreach (var e in map.Ids) map.Replace(e, map[e] + total[e]);
                Return(total);
            }
            total = map;
            if (total.Ids.Count == 0) { Return(total); return null; }
        }
        return total;
    }

    private IReadOnlyList<SearchHit> ListAll(int limit, SearchOptions? options, CancellationToken ct)
    {
        if (options?.Boost is null && options?.RecentKeys is not { Count: > 0 })
            return _keys.EntryIds.Take(limit).Select(e => new SearchHit(_byId[e], 0, [])).ToList();
        var top = new TopK(limit, new AlphabeticalOrder(_alphabeticalRank));
        for (var i = 0; i < _entries.Count; i++)
        {
            if ((i & 0xFFFF) == 0) ct.ThrowIfCancellationRequested();
            var e = _layout.IdAt(i);
            top.Offer(Adjustment(e, options, emptyQuery: true), e);
        }
        return top.Drain().Select(h => new SearchHit(_byId[h.Entry], h.Score, [])).ToList();
    }

    /// <summary>Caller boost plus recency: dominant on an empty query, a small nudge otherwise.</summary>
    private double Adjustment(int entry, SearchOptions? options, bool emptyQuery)
    {
        if (options is null) return 0;
        var score = options.Boost?.Invoke(_byId[entry]) ?? 0;
        if (options.RecentKeys?.TryGetValue(_byId[entry].Key, out var rank) == true)
            score += emptyQuery ? 1 + 1.0 / (1 + Math.Max(0, rank)) : 0.05 + 0.05 / (1 + Math.Max(0, rank));
        return score;
    }

    private SearchHit Hit((double Score, int Entry) h, List<string> tokens) =>
        new(_byId[h.Entry], Math.Round(h.Score, 6), MatchHighlighter.Find(_byId[h.Entry], tokens));

    /// <summary>Best quality × field weight of one token for each entry (restricted to <paramref name="filter"/> when given).</summary>
    private void Evaluate(TokenPlan plan, ScoreMap? filter, ScoreMap into, CancellationToken ct, bool splits = true)
    {
        int[]? candidates = null;
        foreach (var (term, quality) in plan.Terms)
        {
            if (ct.IsCancellationRequested) ct.ThrowIfCancellationRequested();
            EvaluateTerm(term, quality, filter, into, ref candidates);
        }
        EvaluateKeys(plan, filter, into);
        if (splits && plan.TriesSplits) EvaluateSplits(plan.Token, filter, into, ct);
    }

    /// <summary>The last token (no splits, no adjustments), terms read by falling bound (quality × heaviest field),
    /// stopping once <paramref name="limit"/> entries score above anything the unread terms could give: every other
    /// entry then ends below them, and their own scores are final, so the top hits are those a full read finds.</summary>
    private void EvaluateBounded(TokenPlan plan, ScoreMap? filter, ScoreMap into, int limit, CancellationToken ct)
    {
        EvaluateKeys(plan, filter, into);
        // Terms in buckets of falling bound (a counting sort: a short prefix has tens of thousands of terms), each
        // bucket's largest bound kept exactly: after a bucket, the next non-empty one holds the largest bound left.
        const int buckets = 256;
        var count = plan.Terms.Count;
        var bounds = new float[count];
        var start = new int[buckets + 1];
        var largest = new float[buckets];
        for (var i = 0; i < count; i++)
        {
            var bound = bounds[i] = plan.Terms[i].Quality * _terms.MaxWeight(plan.Terms[i].Term);
            var k = Bucket(bound, buckets);
            start[k + 1]++;
            largest[k] = Math.Max(largest[k], bound);
        }
        for (var k = 0; k < buckets; k++) start[k + 1] += start[k];
        var order = new int[count];
        var fill = (int[])start.Clone();
        for (var i = 0; i < count; i++) order[fill[Bucket(bounds[i], buckets)]++] = i;
        // The best score of the tokens before: an entry's total is at most this plus what this token gives it.
        var before = 0f;
        if (filter is not null) foreach (var e in filter.Ids) before = Math.Max(before, filter[e]);
        int[]? candidates = null;
        long sinceCheck = 0;
        for (var k = 0; k < buckets && start[k] < count; k++)
        {
            for (var j = start[k]; j < start[k + 1]; j++)
            {
                if (ct.IsCancellationRequested) ct.ThrowIfCancellationRequested();
                var (term, quality) = plan.Terms[order[j]];
                EvaluateTerm(term, quality, filter, into, ref candidates);
                sinceCheck += _terms.PostingCount(term);
            }
            // A check scans the map: only after at least as much posting work, so checks at most double the cost.
            if (start[k + 1] == count || into.Ids.Count < limit || sinceCheck < into.Ids.Count) continue;
            sinceCheck = 0;
            var next = k + 1;
            while (start[next + 1] == start[next]) next++;
            if (CountAbove(into, filter, before + largest[next], limit) >= limit) return;
        }
    }

    /// <summary>Higher bounds in lower buckets (bounds lie in [0, 1]).</summary>
    private static int Bucket(float bound, int buckets) => Math.Clamp((int)((1 - bound) * buckets), 0, buckets - 1);

    /// <summary>Entries (up to <paramref name="enough"/>) whose total, computed as <see cref="Search"/> sums it, exceeds <paramref name="floor"/>.</summary>
    private static int CountAbove(ScoreMap into, ScoreMap? filter, float floor, int enough)
    {
        var n = 0;
        foreach (var e in into.Ids)
            if ((filter is null ? into[e] : into[e] + filter[e]) > floor && ++n == enough) break;
        return n;
    }

    private void EvaluateTerm(int term, float quality, ScoreMap? filter, ScoreMap into, ref int[]? candidates)
    {
        var weights = FieldWeights.Of;
        var postings = _terms.PostingsOf(term);
        if (filter is not null && (long)filter.Ids.Count * 16 < postings.Length)
        {
            candidates ??= [.. filter.Ids.Order()];
            Gallop(postings, candidates, quality, into);
            return;
        }
        if (filter is null && _terms.MayHoldDead(term)) { Live(postings, _terms.DeadEntries!, quality, into); return; }
        foreach (var p in postings)
        {
            var e = p >>> 3;
            if (filter is null || filter.Contains(e)) into.Max(e, quality * weights[p & 7]);
        }
    }

    private static void EvaluateKeys(TokenPlan plan, ScoreMap? filter, ScoreMap into)
    {
        foreach (var (e, quality) in plan.Keys)
            if (filter is null || filter.Contains(e)) into.Max(e, quality * FieldWeights.WholeKey);
    }

    /// <summary>A base term with tombstoned postings, unfiltered (a filter never holds tombstoned entries).</summary>
    private static void Live(ReadOnlySpan<int> postings, bool[] dead, float quality, ScoreMap into)
    {
        var weights = FieldWeights.Of;
        foreach (var p in postings)
            if (!dead[p >>> 3]) into.Max(p >>> 3, quality * weights[p & 7]);
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
                var a = TokenPlanner.Plan(token[..cut], _terms, _keys, _byId, _layout.PositionOf, prefixOnly: true);
                var b = TokenPlanner.Plan(token[cut..], _terms, _keys, _byId, _layout.PositionOf, prefixOnly: true);
                if (!a.HasPrefixMatch || !b.HasPrefixMatch) continue;
                if (b.Cost < a.Cost) (a, b) = (b, a); // the rarer half first; the other is intersected with it
                Evaluate(a, filter, first, ct, splits: false);
                Evaluate(b, first, second, ct, splits: false);
                foreach (var e in second.Ids) into.Max(e, MatchQuality.Split * (first[e] + second[e]) / 2);
            }
        }
        finally { Return(first); Return(second); }
    }

    private ScoreMap Rent() => _maps.TryTake(out var map) && map.Size == _byId.Count ? map : new ScoreMap(_byId.Count);

    private void Return(ScoreMap map)
    {
        map.Clear();
        _maps.Add(map);
    }
}
