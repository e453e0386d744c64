using CiteLsp.Core.Citations;

namespace CiteLsp.Core.Completion;

/// <summary>The text a completion replaces (document offsets) and the query searched for.</summary>
public sealed record CompletionQuery(int Start, int Length, string Query, IReadOnlyList<string> OtherKeysInCommand)
{
    private const int MaxWords = 5;

    /// <summary>
    /// Keys have no spaces, so words typed at a key position ("\cite{dobule desc", "[@nakkiran descent 2019")
    /// are one fuzzy query and the edit replaces them all, unless the first word is a known key (then what
    /// follows is not a search). In Markdown only inside brackets: after an in-text @key, words are prose.
    /// </summary>
    public static CompletionQuery? Find(string text, int offset, DocumentSyntax syntax, CitationContext? context, Func<string, bool> isKey)
    {
        int keyStart, keyEnd;
        if (context is not null) (keyStart, keyEnd) = (context.PartialKeySpan.Start, context.PartialKeySpan.End);
        else if (syntax == DocumentSyntax.Markdown)
        {
            (keyStart, keyEnd) = (offset, offset);
            while (keyStart > 0 && IsWordChar(text[keyStart - 1], syntax)) keyStart--;
            while (keyEnd < text.Length && IsWordChar(text[keyEnd], syntax)) keyEnd++;
        }
        else return null;

        var start = keyStart;
        for (var words = 0; words < MaxWords; words++)
        {
            var gap = start;
            while (gap > 0 && text[gap - 1] is ' ' or '\t') gap--;
            var word = gap;
            while (word > 0 && IsWordChar(text[word - 1], syntax)) word--;
            if (gap == start || word == gap) break;
            start = word;
        }
        // Without a context (Markdown, cursor past the first word) the first word must itself be at a citation (not in code).
        var atCitation = context is not null || CitationContext.Find(text, start, syntax) is not null;
        if (start < keyStart && atCitation && OpensItem(text, start, syntax) && !isKey(FirstWord(text, start, syntax)))
            return new CompletionQuery(start, keyEnd - start, text[start..offset], context?.OtherKeysInCommand ?? []);
        return context is null ? null : new CompletionQuery(keyStart, keyEnd - keyStart, context.Query, context.OtherKeysInCommand);
    }

    private static bool IsWordChar(char c, DocumentSyntax syntax) => syntax == DocumentSyntax.Latex
        ? !char.IsWhiteSpace(c) && c is not (',' or '{' or '}' or '[' or ']' or '%' or '\\' or '#')
        : char.IsLetterOrDigit(c) || c is '_' or ':' or '.' or '#' or '$' or '%' or '&' or '-' or '+' or '?' or '<' or '>' or '~' or '/';

    /// <summary>LaTeX: the words follow '{' or ',' (spaces allowed). Markdown: they follow '@' inside an open '['.</summary>
    private static bool OpensItem(string text, int start, DocumentSyntax syntax)
    {
        var p = start;
        if (syntax == DocumentSyntax.Latex)
        {
            while (p > 0 && char.IsWhiteSpace(text[p - 1])) p--;
            return p > 0 && text[p - 1] is '{' or ',';
        }
        if (p == 0 || text[p - 1] != '@') return false;
        for (var k = p - 2; k >= 0 && text[k] is not ('\n' or '\r' or ']'); k--)
            if (text[k] == '[') return true;
        return false;
    }

    private static string FirstWord(string text, int start, DocumentSyntax syntax)
    {
        var end = start;
        while (end < text.Length && IsWordChar(text[end], syntax)) end++;
        return text[start..end];
    }
}
