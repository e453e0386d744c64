using CiteLsp.Core.Text;

namespace CiteLsp.Core.Citations;

/// <summary>
/// Where completion happens: the whole key under the cursor (PartialKeySpan, the range a textEdit
/// replaces; empty right after '{', ',' or '@'), the Query (key start to cursor), the other keys of
/// the same command or bracket, and the command ("\cite", "@", "[@]").
/// </summary>
public sealed record CitationContext(SourceSpan PartialKeySpan, string Query, IReadOnlyList<string> OtherKeysInCommand, string Command)
{
    private const int MaxLookBack = 4000;

    /// <summary>The citation context at a UTF-16 offset, or null when the cursor is not in a key position.</summary>
    public static CitationContext? Find(string text, int offset, DocumentSyntax syntax, LatexScanOptions? options = null, string path = "")
    {
        if (offset < 0 || offset > text.Length) return null;
        return syntax == DocumentSyntax.Latex ? FindLatex(text, offset, options, path) : FindMarkdown(text, offset, path);
    }

    private static bool IsLatexKeyChar(char c) => !char.IsWhiteSpace(c) && c is not (',' or '{' or '}' or '[' or ']' or '%' or '\\' or '#');

    private static CitationContext? FindLatex(string text, int offset, LatexScanOptions? options, string path)
    {
        var ks = offset;
        while (ks > 0 && IsLatexKeyChar(text[ks - 1])) ks--;
        var brace = -1;
        for (var k = ks - 1; k >= 0 && offset - k < MaxLookBack; k--)
        {
            var c = text[k];
            if (c == '{') { brace = k; break; }
            if (c == '\n' && LatexSyntax.IsBlankLineAfter(text, k)) return null;
            if (c != ',' && !char.IsWhiteSpace(c) && !IsLatexKeyChar(c)) return null;
        }
        if (brace < 0 || InComment(text, offset)) return null;

        var (name, mandatoryBefore) = CommandBefore(text, brace);
        if (name is null) return null;
        var cite = LatexCitationScanner.FindCite(name, options);
        if (cite is null || !KeyGroupPosition(cite, mandatoryBefore)) return null;

        var ke = offset;
        while (ke < text.Length && IsLatexKeyChar(text[ke])) ke++;
        // A closed group lists its keys; an unclosed one (still typing) only up to the cursor's line end.
        var closed = LatexSyntax.ReadKeyList(text, brace);
        var groupEnd = closed > 0 ? closed - 1 : LatexSyntax.LineEnd(text, offset);
        var items = new List<(int Start, int Length)>();
        LatexSyntax.SplitList(text, brace + 1, groupEnd, items);
        var others = items.Where(k => k.Start + k.Length < ks || k.Start > ke).Select(k => text.Substring(k.Start, k.Length)).ToList();
        return new CitationContext(new SourceSpan(path, ks, ke - ks), text[ks..offset], others, cite.Text);
    }

    /// <summary>True when an unescaped '%' precedes the offset on its line.</summary>
    private static bool InComment(string text, int offset)
    {
        var ls = offset;
        while (ls > 0 && text[ls - 1] is not ('\n' or '\r')) ls--;
        for (var k = ls; k < offset; k++)
        {
            if (text[k] == '\\') k++;
            else if (text[k] == '%') return true;
        }
        return false;
    }

    /// <summary>Walks back from a '{' over argument groups and a star to the command name; counts earlier {} groups.</summary>
    private static (string? Name, int MandatoryBefore) CommandBefore(string text, int brace)
    {
        var p = brace;
        var mandatory = 0;
        for (var steps = 0; steps < 32; steps++)
        {
            var q = p - 1;
            while (q >= 0 && char.IsWhiteSpace(text[q])) q--;
            if (q < 0) return (null, 0);
            var c = text[q];
            if (c is ']' or ')' or '}')
            {
                var open = MatchBackward(text, q);
                if (open < 0) return (null, 0);
                if (c == '}') mandatory++;
                p = open;
                continue;
            }
            if (c == '*') { p = q; continue; }
            if (!LatexSyntax.IsLetter(c)) return (null, 0);
            var s = q;
            while (s > 0 && LatexSyntax.IsLetter(text[s - 1])) s--;
            return s > 0 && text[s - 1] == '\\' ? (text.Substring(s, q + 1 - s), mandatory) : (null, 0);
        }
        return (null, 0);
    }

    private static int MatchBackward(string text, int close)
    {
        var closeChar = text[close];
        var openChar = closeChar switch { ']' => '[', ')' => '(', _ => '{' };
        var depth = 0;
        for (var k = close - 1; k >= 0 && close - k < MaxLookBack; k--)
        {
            var c = text[k];
            if (k > 0 && text[k - 1] == '\\') continue;
            if (c == closeChar) depth++;
            else if (c == openChar)
            {
                if (depth == 0) return k;
                depth--;
            }
        }
        return -1;
    }

    private static bool KeyGroupPosition(CiteCommand cite, int mandatoryBefore)
    {
        if (cite.Wrapper is { } w)
        {
            if (w.Params[w.KeyParam - 1] != 'm') return false;
            return w.Params[..(w.KeyParam - 1)].Count(c => c == 'm') == mandatoryBefore;
        }
        return cite.Args switch
        {
            CiteArgs.First => mandatoryBefore == 0,
            CiteArgs.Second => mandatoryBefore == 1,
            _ => true,
        };
    }

    private static bool IsPandocKeyChar(char c) => PandocKey.IsRegular(c) || ":.#$%&-+?<>~/".Contains(c);

    private static CitationContext? FindMarkdown(string text, int offset, string path)
    {
        var ks = offset;
        while (ks > 0 && IsPandocKeyChar(text[ks - 1])) ks--;
        int ke;
        var braced = false;
        if (ks > 0 && text[ks - 1] == '@')
        {
            ke = offset;
            while (ke < text.Length && IsPandocKeyChar(text[ke])) ke++;
            while (ke > offset && !PandocKey.IsRegular(text[ke - 1])) ke--;
        }
        else
        {
            // @{key with spaces}: walk back to "@{" on the same line.
            ks = offset;
            while (ks > 0 && text[ks - 1] is not ('{' or '}' or '\n' or '\r' or '@')) ks--;
            if (ks < 2 || text[ks - 1] != '{' || text[ks - 2] != '@') return RawLatex(text, offset, path);
            braced = true;
            ke = offset;
            while (ke < text.Length && text[ke] is not ('}' or '\n' or '\r')) ke++;
        }
        var at = braced ? ks - 2 : ks - 1;
        if (at > 0 && PandocKey.BlocksAt(text[at - 1])) return null;

        var scan = MarkdownCitationScanner.Analyze(path, text);
        foreach (var s in scan.Skipped)
            if (offset > s.Start && offset < s.End) return null;

        var others = new List<string>();
        var command = "@";
        foreach (var c in scan.Citations)
        {
            if (c.Command != "[@]" || offset < c.CommandSpan.Start || offset >= c.CommandSpan.End) continue;
            command = "[@]";
            if (c.KeySpan.End < ks || c.KeySpan.Start > ke) others.Add(c.Key);
        }
        if (command == "@" && InBrackets(text, at, ke)) command = "[@]";
        return new CitationContext(new SourceSpan(path, ks, ke - ks), text[ks..offset], others, command);
    }

    /// <summary>Raw LaTeX \cite{…} inside Markdown (R Markdown with LaTeX output), outside code.</summary>
    private static CitationContext? RawLatex(string text, int offset, string path)
    {
        if (FindLatex(text, offset, null, path) is not { } ctx) return null;
        foreach (var s in MarkdownCitationScanner.Analyze(path, text).Skipped)
            if (offset > s.Start && offset < s.End) return null;
        return ctx;
    }

    /// <summary>An '@' (with no complete key yet) between '[' and ']' on its line: a bracketed citation being typed.</summary>
    private static bool InBrackets(string text, int at, int end)
    {
        var k = at - 1;
        while (k >= 0 && text[k] is not ('[' or ']' or '\n' or '\r')) k--;
        if (k < 0 || text[k] != '[') return false;
        k = end;
        while (k < text.Length && text[k] is not ('[' or ']' or '\n' or '\r')) k++;
        return k < text.Length && text[k] == ']';
    }
}
