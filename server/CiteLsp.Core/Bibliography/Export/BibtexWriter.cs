using System.Text;

namespace CiteLsp.Core.Bibliography.Export;

/// <summary>Writes entries as BibTeX that bibtex and biber accept. Raw source values are preferred when present.</summary>
public static class BibtexWriter
{
    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static string Write(IEnumerable<Entry> entries)
    {
        var sb = new StringBuilder();
        foreach (var e in entries) { WriteEntry(sb, e); sb.Append('\n'); }
        return sb.ToString();
    }

    public static string Write(Entry entry)
    {
        var sb = new StringBuilder();
        WriteEntry(sb, entry);
        return sb.ToString();
    }

    private static void WriteEntry(StringBuilder sb, Entry e)
    {
        sb.Append('@').Append(e.Type).Append('{').Append(e.Key).Append(",\n");
        foreach (var (name, value) in Fields(e))
            sb.Append("  ").Append(name).Append(" = ").Append(value).Append(",\n");
        sb.Append("}\n");
    }

    /// <summary>Field name and the value as it should appear after "=", braces or macro included.</summary>
    private static IEnumerable<(string, string)> Fields(Entry e)
    {
        if (e.Fields.ContainsKey("title"))
        {
            // Came from a bib file: write what the user wrote.
            foreach (var (name, raw) in e.Fields) yield return (name, "{" + Balance(raw) + "}");
            yield break;
        }
        yield return ("title", "{" + Balance(Escape(e.Title)) + "}");
        if (e.Authors.Count > 0)
        {
            var names = e.Authors.Select(p => p.Literal is not null ? "{" + Escape(p.Literal) + "}"
                : p.Given.Length == 0 ? Escape(p.Family) : $"{Escape(p.Family)}, {Escape(p.Given)}");
            var list = string.Join(" and ", names) + (e.AuthorsTruncated ? " and others" : "");
            yield return ("author", "{" + list + "}");
        }
        if (e.Date.Year is { } y) yield return ("year", "{" + y + "}");
        if (e.Date.Month is { } m and >= 1 and <= 12) yield return ("month", MonthMacros[m - 1]);
        if (e.Date.Year is not null && e.Date.Month is not null && e.Date.Day is not null)
            yield return ("date", "{" + e.Date + "}");
        if (e.Venue is not null) yield return ("howpublished", "{" + Escape(e.Venue) + "}");
        if (e.Doi is not null) yield return ("doi", "{" + e.Doi + "}");
        if (e.Url is not null) yield return ("url", "{" + e.Url + "}");
        if (e.ArxivId is not null) { yield return ("eprint", "{" + e.ArxivId + "}"); yield return ("archiveprefix", "{arXiv}"); }
        // Abstracts keep their LaTeX (\cite, $math$, \emph): only braces are balanced.
        if (e.Abstract is not null) yield return ("abstract", "{" + Balance(e.Abstract) + "}");
    }

    /// <summary>Escapes the characters that break LaTeX in plain-text fields.</summary>
    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var escaped = i > 0 && s[i - 1] == '\\';
            if (c is '&' or '%' or '#' && !escaped) sb.Append('\\');
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Drops unmatched braces so the value cannot end the entry early.</summary>
    internal static string Balance(string s)
    {
        var depth = 0;
        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c == '{') depth++;
            else if (c == '}') { if (depth == 0) continue; depth--; }
            sb.Append(c);
        }
        var text = sb.ToString();
        while (depth > 0)
        {
            var at = text.LastIndexOf('{');
            text = text.Remove(at, 1);
            depth--;
        }
        return text;
    }
}
