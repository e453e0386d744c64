using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;
using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Search;

/// <summary>The early stop of the last token (terms read by falling bound) returns exactly what reading every posting
/// returns: same entries, scores, highlights and order. Both paths run on every query here (the server only takes
/// the bounded one for tokens with many postings).</summary>
public class BoundedSearchTests
{
    private static readonly int[] Limits = [1, 3, 10, 50, 100];

    [Fact]
    public void Bounded_search_equals_a_full_read_on_real_libraries()
    {
        var entries = Directory.GetFiles(TestPaths.CorpusFile("bib/large"), "*.bib").Order(StringComparer.Ordinal)
            .SelectMany(p => CatalogLoader.Load(p).Entries).ToList();
        Assert.True(entries.Count > 3000, $"{entries.Count} entries");
        var index = SearchIndex.Build(entries);
        var stops = AssertSame(index, Queries(entries, new Random(5)), "large corpus");
        Assert.True(stops > 200, $"the bounded path stopped early on only {stops} query/limit pairs");
    }

    [Fact]
    public void Bounded_search_equals_a_full_read_after_incremental_updates()
    {
        var rng = new Random(11);
        var graveyard = new List<Entry>();
        var list = IndexEdits.Corpus(300);
        var index = SearchIndex.Build(list);
        for (var step = 0; step < 8; step++)
        {
            for (var k = 0; k < 3; k++) list = IndexEdits.Edit(list, rng, graveyard);
            index = IndexUpdater.Update(index, list, 400, default); // tombstones and a delta dictionary
            AssertSame(index, Queries(list, rng).Concat(IndexEdits.Queries(list, graveyard, rng)).ToList(), $"step {step}");
        }
        Assert.NotNull(index.Layout.IdOf);
    }

    /// <summary>Compares both paths on every query and limit; returns how often the bounded one returned fewer entries
    /// into its map than the full read (it stopped early), so a test can check the early stop is exercised.</summary>
    private static int AssertSame(SearchIndex index, List<string> queries, string context)
    {
        var stops = 0;
        foreach (var q in queries)
            foreach (var limit in Limits)
            {
                IndexEdits.AssertSameHits(index.Search(q, limit, null, long.MaxValue), index.Search(q, limit, null, 0), $"{context}, query '{q}', limit {limit}");
                if (index.Scored(q, limit, long.MaxValue) > index.Scored(q, limit, 0)) stops++;
            }
        return stops;
    }

    /// <summary>Typing: every prefix of surnames, title words, keys and two-word queries, single characters, typos.</summary>
    private static List<string> Queries(List<Entry> entries, Random rng)
    {
        var queries = new List<string>();
        for (var c = 'a'; c <= 'z'; c++) queries.Add(c.ToString());
        queries.AddRange(["1", "2", "19", "20", "th", "an", "de", "le", "learnign r", "dobule d", "a b", "the a", "s 2020"]);
        for (var k = 0; k < 40; k++)
        {
            var e = entries[rng.Next(entries.Count)];
            var words = e.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextFolding.AsciiAlnum).Where(w => w.Length >= 3).ToArray();
            var w = words.Length > 0 ? words[rng.Next(words.Length)].ToLowerInvariant() : "x";
            var family = e.Authors.Count > 0 ? TextFolding.AsciiAlnum(e.Authors[0].Family).ToLowerInvariant() : "y";
            var typed = k % 3 == 0 ? $"{family} {w}" : k % 3 == 1 ? $"{w} {e.Year}" : e.Key;
            for (var n = 1; n <= Math.Min(typed.Length, 12); n++) queries.Add(typed[..n]);
            if (w.Length > 4) queries.Add(w[..2] + w[3] + w[2] + w[4..]);
        }
        return queries.Distinct(StringComparer.Ordinal).ToList();
    }
}
