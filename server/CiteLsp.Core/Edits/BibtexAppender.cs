using System.Text.RegularExpressions;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Export;

namespace CiteLsp.Core.Edits;

/// <summary>The edit that appends an entry to a .bib file's text, one blank line after the last entry.</summary>
public static class BibtexAppender
{
    /// <summary>Null when the text already defines the key (ignoring case, as bibtex compares keys).</summary>
    public static FileEdit? Append(string path, string text, Entry entry)
    {
        if (DefinesKey(text, entry.Key)) return null;
        var newLine = LineEndings.Detect(text);
        var body = LineEndings.Convert(BibtexWriter.Write(entry), newLine);
        // Trailing whitespace is replaced, so the result always has exactly one blank line before the entry.
        var contentEnd = LineEndings.ContentEnd(text, text.Length);
        var separator = contentEnd == 0 ? "" : newLine + newLine;
        var span = new Text.SourceSpan(path, contentEnd, text.Length - contentEnd);
        return new FileEdit(path, [new TextEdit(span, separator + body)]);
    }

    /// <summary>A cheap textual check (no full parse): "@type{key," or "@type(key," outside @string/@comment/@preamble.</summary>
    public static bool DefinesKey(string text, string key) =>
        Regex.IsMatch(text, @"@\s*(?!(?:string|preamble|comment)\b)[A-Za-z]+\s*[{(]\s*" + Regex.Escape(key) + @"\s*[,})]",
            RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
}
