using CiteLsp.Core.Citations;
using CiteLsp.Core.Edits;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Fixes;

/// <summary>
/// The edit that removes one cited key: just the key and its separator when the command cites others,
/// else the whole command (with the space before it, so "text \cite{a}." becomes "text.").
/// </summary>
public static class CitationRemover
{
    public static FileEdit Remove(string text, Citation citation, IEnumerable<Citation> documentCitations)
    {
        var alone = !documentCitations.Any(c => c.CommandSpan == citation.CommandSpan && c.KeySpan != citation.KeySpan);
        var span = alone ? WithSpaceBefore(text, citation.CommandSpan)
            : citation.Syntax == DocumentSyntax.Latex ? LatexKey(text, citation)
            : PandocItem(text, citation);
        return new FileEdit(span.Path, [new TextEdit(span, "")]);
    }

    private static SourceSpan WithSpaceBefore(string text, SourceSpan span)
    {
        var start = span.Start;
        if (start >= 2 && text[start - 1] is ' ' or '~' && text[start - 2] is not ('\n' or '\r')) start--;
        return span with { Start = start, Length = span.End - start };
    }

    /// <summary>"a, b, c" minus b: the key with the comma after it (or, for the last key, the comma before it).</summary>
    private static SourceSpan LatexKey(string text, Citation c)
    {
        var key = c.KeySpan;
        var right = SkipSpace(text, key.End, +1);
        if (right < text.Length && text[right] == ',')
            return key with { Length = SkipSpace(text, right + 1, +1) - key.Start };
        var left = SkipSpace(text, key.Start - 1, -1);
        if (left >= 0 && text[left] == ',')
            return key with { Start = left, Length = key.End - left };
        // Alone in its own braces of a multicite (\cites{a}{b}): drop that argument.
        if (left >= 0 && text[left] == '{' && right < text.Length && text[right] == '}')
            return key with { Start = left, Length = right + 1 - left };
        return key;
    }

    /// <summary>"[see @a, p. 3; @b]" minus a: the item from the bracket (or ';') up to and including its ';'.</summary>
    private static SourceSpan PandocItem(string text, Citation c)
    {
        var command = c.CommandSpan;
        var separator = c.KeySpan.Start - 1;
        while (separator > command.Start && text[separator] != ';') separator--;
        var start = SkipSpace(text, separator + 1, +1);
        var end = c.KeySpan.End;
        while (end < command.End - 1 && text[end] != ';') end++;
        if (text[end] == ';')
            return c.KeySpan with { Start = start, Length = SkipSpace(text, end + 1, +1) - start };
        // The last item: take the ';' before it instead, so "[@a; @b]" becomes "[@a]".
        return c.KeySpan with { Start = separator, Length = end - separator };
    }

    private static int SkipSpace(string text, int at, int step)
    {
        while (at >= 0 && at < text.Length && char.IsWhiteSpace(text[at])) at += step;
        return at;
    }
}
