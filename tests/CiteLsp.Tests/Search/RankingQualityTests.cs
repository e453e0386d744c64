using CiteLsp.Core.Search;
using Xunit.Abstractions;

namespace CiteLsp.Tests.Search;

public class RankingQualityTests(ITestOutputHelper output)
{
    private static readonly QualitySet Set = QualitySet.Load(TestPaths.RepoRoot);

    [Fact]
    public void Quality_set_has_enough_pairs_and_every_expected_key_exists()
    {
        Assert.True(Set.Pairs.Count >= 60, $"only {Set.Pairs.Count} pairs");
        foreach (var p in Set.Pairs) Assert.Contains(Set.Catalogs[p.Set], e => e.Key == p.Expected);
    }

    [Fact]
    public void Expected_key_is_first_for_at_least_90_percent_and_in_the_top_5_for_all()
    {
        var indexes = Set.Catalogs.ToDictionary(c => c.Key, c => SearchIndex.Build(c.Value));
        var ranks = new List<int>();
        var misses = new List<string>();
        foreach (var p in Set.Pairs)
        {
            var hits = indexes[p.Set].Search(p.Query, 20);
            var rank = hits.Select(h => h.Entry.Key).ToList().IndexOf(p.Expected) + 1;
            ranks.Add(rank);
            if (rank != 1) misses.Add($"  {p.Kind,-18} '{p.Query}' → {p.Expected} at rank {(rank == 0 ? "none" : rank)}; first: {(hits.Count > 0 ? hits[0].Entry.Key : "-")}");
        }
        var top1 = ranks.Count(r => r == 1) / (double)ranks.Count;
        var mrr = ranks.Sum(r => r == 0 ? 0 : 1.0 / r) / ranks.Count;
        output.WriteLine($"pairs {ranks.Count}: top-1 {top1:P1}, top-5 {ranks.Count(r => r is >= 1 and <= 5) / (double)ranks.Count:P1}, MRR {mrr:F3}");
        foreach (var m in misses) output.WriteLine(m);

        Assert.True(ranks.All(r => r is >= 1 and <= 5), "not in the top 5:\n" + string.Join('\n', misses));
        Assert.True(top1 >= 0.9, $"top-1 rate {top1:P1} < 90%:\n" + string.Join('\n', misses));
    }

    [Theory]
    [InlineData("dobule desc")]
    [InlineData("kaplun double descent 2019")]
    [InlineData("nakkiran descent 2019")]
    [InlineData("kapdoub")]
    public void Double_descent_queries_put_nakkiran2019deep_first(string query)
    {
        var hits = SearchIndex.Build(Set.Catalogs["seeds"]).Search(query, 5);
        Assert.Equal("nakkiran2019deep", hits[0].Entry.Key);
    }
}
