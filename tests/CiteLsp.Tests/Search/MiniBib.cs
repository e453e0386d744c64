using System.Text;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Search;

/// <summary>Test-only reader for plain, well-formed .bib files (braced/quoted/bare values, no @string, no crossref),
/// so the ranking tests do not wait for the real BibTeX parser.</summary>
internal static class MiniBib
{
    public static List<Entry> Parse(string text)
    {
        var entries = new List<Entry>();
        var i = 0;
        while ((i = text.IndexOf('@', i)) >= 0)
        {
            var open = text.IndexOf('{', i);
            var comma = open < 0 ? -1 : text.IndexOf(',', open);
            if (comma < 0) break;
            var type = text[(i + 1)..open].Trim().ToLowerInvariant();
            var key = text[(open + 1)..comma].Trim();
            var fields = new Dictionary<string, string>(StringComparer.Ordinal);
            i = comma + 1;
            while (true)
            {
                while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == ',')) i++;
                if (i >= text.Length || text[i] == '}') { i++; break; }
                var eq = text.IndexOf('=', i);
                var name = text[i..eq].Trim().ToLowerInvariant();
                i = eq + 1;
                while (char.IsWhiteSpace(text[i])) i++;
                fields[name] = Clean(ReadValue(text, ref i));
            }
            if (type is "string" or "comment" or "preamble") continue;
            entries.Add(ToEntry(type, key, fields));
        }
        return entries;
    }

    private static string ReadValue(string text, ref int i)
    {
        if (text[i] is '{' or '"')
        {
            var close = text[i] == '{' ? '}' : '"';
            var depth = 0; var start = i + 1;
            for (i++; i < text.Length; i++)
            {
                if (text[i] == '{') depth++;
                else if (text[i] == '}' && depth > 0) depth--;
                else if (text[i] == close && depth == 0) break;
            }
            return text[start..i++];
        }
        var s = i;
        while (i < text.Length && text[i] != ',' && text[i] != '}') i++;
        return text[s..i].Trim();
    }

    /// <summary>Drops braces, math dollars and accent commands (\'e → e); collapses whitespace.</summary>
    private static string Clean(string value)
    {
        var sb = new StringBuilder(value.Length);
        for (var j = 0; j < value.Length; j++)
        {
            var c = value[j];
            if (c is '{' or '}' or '$') continue;
            if (c == '\\' && j + 1 < value.Length && !char.IsLetter(value[j + 1])) { j++; continue; }
            if (char.IsWhiteSpace(c)) { if (sb.Length > 0 && sb[^1] != ' ') sb.Append(' '); continue; }
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    private static Entry ToEntry(string type, string key, Dictionary<string, string> f) => new()
    {
        Key = key,
        Type = type,
        Title = f.GetValueOrDefault("title", ""),
        Authors = f.TryGetValue("author", out var a) ? a.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Name).ToList() : [],
        Date = new PartialDate(int.TryParse(f.GetValueOrDefault("year"), out var y) ? y : null),
        Venue = f.GetValueOrDefault("journal") ?? f.GetValueOrDefault("booktitle") ?? f.GetValueOrDefault("publisher"),
        Abstract = f.GetValueOrDefault("abstract"),
        Fields = f,
    };

    private static Person Name(string n)
    {
        var comma = n.IndexOf(',');
        if (comma >= 0) return new Person(n[..comma].Trim(), n[(comma + 1)..].Trim());
        var space = n.LastIndexOf(' ');
        return space < 0 ? new Person(n) : new Person(n[(space + 1)..], n[..space]);
    }
}
