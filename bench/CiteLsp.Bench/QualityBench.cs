using System.Text.Json;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;
using CiteLsp.Core.Text;
using CiteLsp.Tests.Search;

namespace CiteLsp.Bench;

/// <summary>Top-1 / top-5 / MRR of the ranker and of plain substring filtering on the quality set;
/// --dump writes the same entries and pairs for bench/fzf-compare (the fzf algorithm alone, in node).</summary>
internal static class QualityBench
{
    public static int Run(string[] args)
    {
        var set = QualitySet.Load(SearchBenchPaths.Repo());
        var indexes = set.Catalogs.ToDictionary(c => c.Key, c => SearchIndex.Build(c.Value));
        Report("fuzzy ranker (SearchIndex)", set, p => indexes[p.Set].Search(p.Query, 50).Select(h => h.Entry.Key).ToList());
        Report("plain substring filter", set, p => Substring(set.Catalogs[p.Set], p.Query));

        var dump = Array.IndexOf(args, "--dump") is var d and >= 0 && d + 1 < args.Length ? args[d + 1] : null;
        if (dump is not null)
        {
            var json = new
            {
                catalogs = set.Catalogs.ToDictionary(c => c.Key, c => c.Value.Select(e => new { key = e.Key, text = Haystack(e) }).ToArray()),
                pairs = set.Pairs.Select(p => new { set = p.Set, query = p.Query, expected = p.Expected, kind = p.Kind }).ToArray(),
            };
            File.WriteAllText(dump, JsonSerializer.Serialize(json));
        }
        return 0;
    }

    /// <summary>What a simple filter sees: key, title, authors, year and venue on one line.</summary>
    public static string Haystack(Entry e) =>
        string.Join(' ', new[] { e.Key, e.Title, string.Join(", ", e.Authors.Select(a => a.DisplayName)), e.Year?.ToString(), e.Venue }.Where(s => !string.IsNullOrEmpty(s)));

    /// <summary>Every whitespace-separated query word is a (folded) substring of the haystack; catalog order, no ranking.</summary>
    private static List<string> Substring(IReadOnlyList<Entry> entries, string query)
    {
        var words = TextFolding.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return entries.Where(e => TextFolding.Fold(Haystack(e)) is var h && words.All(w => h.Contains(w, StringComparison.Ordinal))).Select(e => e.Key).ToList();
    }

    private static void Report(string name, QualitySet set, Func<QualityPair, List<string>> rank)
    {
        var ranks = set.Pairs.Select(p => rank(p).IndexOf(p.Expected) + 1).ToList();
        Console.WriteLine($"{name,-30} pairs {ranks.Count}  top-1 {ranks.Count(r => r == 1) / (double)ranks.Count:P1}  " +
                          $"top-5 {ranks.Count(r => r is >= 1 and <= 5) / (double)ranks.Count:P1}  MRR {ranks.Sum(r => r == 0 ? 0 : 1.0 / r) / ranks.Count:F3}  " +
                          $"no match {ranks.Count(r => r == 0)}");
    }
}
