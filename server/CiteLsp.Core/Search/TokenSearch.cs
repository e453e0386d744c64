using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Search;

/// <summary>Plain token matching: every query token must be a prefix of a word in key, authors, title or year.</summary>
public static class TokenSearch
{
    public static IReadOnlyList<SearchHit> Search(IEnumerable<Entry> entries, string query, int limit)
    {
        var tokens = TextFolding.Fold(query).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var hits = new List<SearchHit>();
        foreach (var e in entries)
        {
            var words = Words(e);
            var score = 0.0;
            var all = true;
            foreach (var t in tokens)
            {
                var best = words.Where(w => w.Text.StartsWith(t, StringComparison.Ordinal)).Select(w => w.Weight * (w.Text.Length == t.Length ? 2 : 1)).DefaultIfEmpty(0).Max();
                if (best == 0) { all = false; break; }
                score += best;
            }
            if (all) hits.Add(new SearchHit(e, score, []));
        }
        return hits.OrderByDescending(h => h.Score).ThenByDescending(h => h.Entry.Year ?? 0).ThenBy(h => h.Entry.Key, StringComparer.Ordinal).Take(limit).ToList();
    }

    private static List<(string Text, double Weight)> Words(Entry e)
    {
        var words = new List<(string, double)> { (TextFolding.Fold(e.Key), 3) };
        foreach (var p in e.Authors) { words.Add((TextFolding.AsciiAlnum(p.Family), 3)); words.Add((TextFolding.Fold(p.Given), 1)); }
        foreach (var w in e.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries)) words.Add((TextFolding.AsciiAlnum(w), 2));
        if (e.Year is { } y) words.Add((y.ToString(), 2));
        return words;
    }
}
