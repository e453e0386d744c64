using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Tests.Search;

/// <summary>An index reuses the plans of recent tokens: searching it keystroke after keystroke, from several threads,
/// returns for every query what an index that never planned anything before returns.</summary>
public class PlanCacheTests
{
    [Fact]
    public void Reused_plans_give_what_fresh_plans_give()
    {
        var entries = IndexEdits.Corpus(300);
        var queries = new List<string>();
        // Every prefix of several multi-word queries, interleaved so the 32 cached plans are evicted and refilled.
        var typed = new[] { "secure multiparty computation 2019", "dobule desc", "crypt attack zxy", "kapdoub", "zxy study 2003", "a b c d e f g" }
            .Concat(entries.Take(20).Select(e => $"{e.Authors.FirstOrDefault()?.Family} {e.Title}".ToLowerInvariant()));
        foreach (var q in typed) for (var n = 1; n <= Math.Min(q.Length, 24); n++) queries.Add(q[..n]);

        var shared = SearchIndex.Build(entries);
        var expected = queries.Select(q => Describe(SearchIndex.Build(entries).Search(q, 20))).ToList();
        Parallel.For(0, 4, worker =>
        {
            for (var i = worker; i < queries.Count * 2; i += 2) // each query twice, from two threads
            {
                var q = i % queries.Count;
                Assert.Equal(expected[q], Describe(shared.Search(queries[q], 20)));
            }
        });
    }

    private static string Describe(IReadOnlyList<SearchHit> hits) =>
        string.Join('\n', hits.Select(h => $"{h.Entry.Key} {h.Score} " + string.Join(',', h.Matches.Select(m => $"{m.Field}:{m.Start}+{m.Length}"))));
}
