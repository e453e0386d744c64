using System.Globalization;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Rendering;

/// <summary>How an entry is shown to a writer: the hover/documentation card and the short "Nakkiran et al. 2019" label.</summary>
public static class ReferenceCard
{
    /// <summary>Past this many authors the card lists only the first one.</summary>
    public const int MaxAuthors = 8;
    private const int ShortTitleLength = 30;

    /// <summary>Title, authors · date · venue, links, then the abstract under a rule.</summary>
    public static string Markdown(Entry e)
    {
        var title = LatexToMarkdown.Convert(Tex(e, "title", e.Title));
        var parts = new List<string> { "**" + (title.Length > 0 ? title : MarkdownWriter.Escape(e.Key)) + "**" };
        var venue = e.Venue is null ? "" : LatexToMarkdown.Convert(e.Venue);
        var date = e.Year is null ? "" : e.Date.ToString(); // "--05-10" without a year helps nobody
        var meta = JoinNonEmpty(" · ", Authors(e), date, venue);
        if (meta.Length > 0) parts.Add(meta);
        var links = Links(e);
        if (links.Length > 0) parts.Add(links);
        var summary = LatexToMarkdown.Convert(Tex(e, "abstract", e.Abstract));
        if (summary.Length > 0) parts.AddRange(["---", summary]);
        return string.Join("\n\n", parts);
    }

    /// <summary>"Family 2019", "A and B 2019", "A et al. 2019"; "n.d." without a year; a short title without authors.</summary>
    public static string ShortLabel(Entry e)
    {
        var year = e.Year?.ToString(CultureInfo.InvariantCulture) ?? "n.d.";
        var families = e.Authors.Take(2).Select(Family).ToList();
        var who = families.Count switch
        {
            0 => ShortTitle(e),
            1 when !e.AuthorsTruncated => families[0],
            2 when e.Authors.Count == 2 && !e.AuthorsTruncated => $"{families[0]} and {families[1]}",
            _ => $"{families[0]} et al.",
        };
        return who.Length == 0 ? year : $"{who} {year}";
    }

    /// <summary>The field as written in a .bib (macros expanded, TeX kept) so \emph and \$ survive; else the display value.</summary>
    private static string Tex(Entry e, string field, string? display) =>
        e.Fields.TryGetValue(field, out var raw) && !string.IsNullOrWhiteSpace(raw) ? raw : display ?? "";

    private static string Authors(Entry e)
    {
        if (e.Authors.Count == 0) return "";
        var shown = e.Authors.Count > MaxAuthors ? e.Authors.Take(1) : e.Authors;
        var names = string.Join(", ", shown.Select(p => LatexToMarkdown.Convert(p.DisplayName)));
        return e.Authors.Count > MaxAuthors || e.AuthorsTruncated ? names + " et al." : names;
    }

    private static string Links(Entry e)
    {
        var doi = Doi(e.Doi);
        var arxiv = e.ArxivId?.Trim() is { Length: > 0 } id ? id : null;
        var url = e.Url?.Trim() is { Length: > 0 } u
            && (doi is null || !u.Contains(doi, StringComparison.OrdinalIgnoreCase))
            && (arxiv is null || !u.Contains(arxiv, StringComparison.OrdinalIgnoreCase)) ? u : null;
        return JoinNonEmpty(" · ",
            doi is null ? "" : Link("doi:" + doi, "https://doi.org/" + doi),
            arxiv is null ? "" : Link("arXiv:" + arxiv, "https://arxiv.org/abs/" + arxiv),
            url is null ? "" : Link(url, url));
    }

    private static string Link(string text, string url) =>
        $"[{MarkdownWriter.Escape(text)}]({TexRenderer.LinkDestination(url)})";

    /// <summary>The bare DOI, whether written as "10.1/x", "doi:10.1/x" or a doi.org URL.</summary>
    private static string? Doi(string? doi)
    {
        var d = doi?.Trim();
        if (string.IsNullOrEmpty(d)) return null;
        foreach (var prefix in (string[])["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/", "doi:"])
            if (d.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return d[prefix.Length..].Trim();
        return d;
    }

    private static string Family(Person p)
    {
        var name = LatexToMarkdown.ToPlainText(p.Literal ?? (p.Family.Length > 0 ? p.Family : p.Given));
        return name.Length > 0 ? name : "?";
    }

    private static string ShortTitle(Entry e)
    {
        var title = LatexToMarkdown.ToPlainText(e.Title);
        return title.Length <= ShortTitleLength ? title : title[..(ShortTitleLength - 1)].TrimEnd() + "…";
    }

    private static string JoinNonEmpty(string separator, params string[] parts) =>
        string.Join(separator, parts.Where(p => p.Length > 0));
}
