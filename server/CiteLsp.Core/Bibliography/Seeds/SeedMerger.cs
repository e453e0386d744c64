using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Seeds;

/// <summary>
/// Merges keyless (seed) entries that describe the same paper, by normalised title. The result does
/// not depend on the order of the files: the complete author list wins over a truncated one ("et al."),
/// a known date over an unknown one, and every other field is taken from whichever entry has it.
/// </summary>
public static class SeedMerger
{
    public static string NormalizedTitle(string title) => TextFolding.AsciiAlnum(title);

    public static List<Entry> Merge(IEnumerable<Entry> entries)
    {
        var groups = new Dictionary<string, List<Entry>>();
        var order = new List<string>();
        foreach (var e in entries)
        {
            var norm = NormalizedTitle(e.Title);
            if (norm.Length == 0) norm = "\0" + order.Count; // never merge untitled entries
            if (!groups.TryGetValue(norm, out var list)) { groups[norm] = list = []; order.Add(norm); }
            list.Add(e);
        }
        return order.Select(k => groups[k].Aggregate(Combine)).ToList();
    }

    private static Entry Combine(Entry a, Entry b)
    {
        var authors = PreferAuthors(a, b);
        return a with
        {
            Authors = authors.Authors,
            AuthorsTruncated = authors.AuthorsTruncated,
            Date = Score(b.Date) > Score(a.Date) ? b.Date : a.Date,
            Venue = a.Venue ?? b.Venue,
            Abstract = Longer(a.Abstract, b.Abstract),
            Doi = a.Doi ?? b.Doi,
            Url = a.Url ?? b.Url,
            ArxivId = a.ArxivId ?? b.ArxivId,
            Fields = b.Fields.Concat(a.Fields).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Last().Value),
            // Point at the copy with the full author list: that is where the complete record lives.
            Location = ReferenceEquals(authors, a) ? a.Location : b.Location,
            KeyLocation = ReferenceEquals(authors, a) ? a.KeyLocation : b.KeyLocation,
        };
    }

    private static Entry PreferAuthors(Entry a, Entry b)
    {
        if (a.AuthorsTruncated != b.AuthorsTruncated) return a.AuthorsTruncated ? b : a;
        if (a.Authors.Count != b.Authors.Count) return a.Authors.Count > b.Authors.Count ? a : b;
        return string.CompareOrdinal(a.Location.Path, b.Location.Path) <= 0 ? a : b;
    }

    private static int Score(PartialDate d) => (d.Year is null ? 0 : 4) + (d.Month is null ? 0 : 2) + (d.Day is null ? 0 : 1);

    private static string? Longer(string? x, string? y) => (x?.Length ?? -1) >= (y?.Length ?? -1) ? x : y;
}
