using System.Text;
using System.Text.RegularExpressions;

namespace CiteLsp.Core.Bibliography.Export;

/// <summary>Writes entries as BibTeX that bibtex and biber accept. Raw source values are preferred when present.</summary>
public static partial class BibtexWriter
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
            // Came from a bib file: write what the user wrote (macros were expanded; months go back to jan…dec).
            foreach (var (name, raw) in e.Fields) yield return (name, RawValue(name, raw));
            yield break;
        }
        var written = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (name, value) in StructuredFields(e))
        {
            written.Add(name);
            yield return (name, value);
        }
        // Source fields without a structured counterpart (e.g. a seed's score) follow.
        foreach (var (name, raw) in e.Fields)
            if (!written.Contains(name)) yield return (name, RawValue(name, raw));
    }

    private static string RawValue(string name, string raw) =>
        name == "month" && Bibtex.BibDates.ParseMonth(raw) is { } month && !raw.Trim().All(char.IsAsciiDigit)
            ? MonthMacros[month - 1]
            : "{" + Balance(raw) + "}";

    private static IEnumerable<(string, string)> StructuredFields(Entry e)
    {
        yield return ("title", "{" + Balance(Escape(e.Title)) + "}");
        if (e.Authors.Count > 0)
        {
            var list = string.Join(" and ", e.Authors.Select(Name)) + (e.AuthorsTruncated ? " and others" : "");
            yield return ("author", "{" + list + "}");
        }
        if (e.Date.Year is { } y) yield return ("year", "{" + y + "}");
        if (e.Date.Month is { } m and >= 1 and <= 12) yield return ("month", MonthMacros[m - 1]);
        if (e.Date.Year is not null && e.Date.Month is not null && e.Date.Day is not null)
            yield return ("date", "{" + e.Date + "}");
        else if (e.Date.Month is not null && e.Date.Day is { } day)
            yield return ("day", "{" + day + "}");
        if (e.Venue is not null) yield return ("howpublished", "{" + Escape(e.Venue) + "}");
        if (e.Doi is not null) yield return ("doi", "{" + e.Doi + "}");
        if (e.Url is not null) yield return ("url", "{" + e.Url + "}");
        if (e.ArxivId is not null) { yield return ("eprint", "{" + e.ArxivId + "}"); yield return ("archiveprefix", "{arXiv}"); }
        // Abstracts keep their LaTeX (\cite, $math$, \emph): only braces are balanced.
        if (e.Abstract is not null) yield return ("abstract", "{" + Balance(e.Abstract) + "}");
    }

    /// <summary>One name of an author list, written so that it parses back into the same parts.</summary>
    private static string Name(Person p)
    {
        if (p.Literal is not null) return "{" + Escape(p.Literal) + "}";
        var family = Part(p.Family).Replace("=", "{=}"); // an '=' before the first comma is biblatex's "family=…" form
        if (p.Suffix.Length > 0) return $"{family}, {Part(p.Suffix)}, {Part(p.Given)}";
        if (p.Given.Length > 0) return $"{family}, {Part(p.Given)}";
        // "von Family" must not lose "von" to the given name, nor a family named "others" become "and others".
        return p.Family.Contains(' ') || p.Family.Contains('=') || p.Family == "others" ? family + "," : family;
    }

    /// <summary>A name part with the characters that split names braced: a comma, and the word "and".</summary>
    private static string Part(string s) => AndWord().Replace(Escape(s).Replace(",", "{,}"), "{$0}");

    [GeneratedRegex(@"(?<![^\s~])and(?![^\s~])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AndWord();

    /// <summary>Escapes the characters that break LaTeX in plain-text fields.</summary>
    private static string Escape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var escaped = i > 0 && s[i - 1] == '\\';
            if (escaped) { sb.Append(c); continue; }
            // Plain text from scraped pages: characters that are markup in LaTeX must print as themselves.
            switch (c)
            {
                case '&' or '%' or '#' or '_' or '$': sb.Append('\\').Append(c); break;
                case '^': sb.Append(@"\textasciicircum{}"); break;
                case '~': sb.Append(@"\textasciitilde{}"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>Drops unmatched braces so the value cannot end the entry early (one pass: values can be long).</summary>
    internal static string Balance(string s)
    {
        var open = new Stack<int>();
        var drop = new HashSet<int>();
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '{') open.Push(i);
            else if (s[i] == '}' && !open.TryPop(out _)) drop.Add(i);
        }
        if (drop.Count == 0 && open.Count == 0) return s;
        drop.UnionWith(open);
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
            if (!drop.Contains(i)) sb.Append(s[i]);
        return sb.ToString();
    }
}
