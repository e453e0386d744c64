namespace CiteLsp.Core.Citations;

/// <summary>Small LaTeX lexing helpers shared by the scanner and the completion context.</summary>
internal static class LatexSyntax
{
    // Bounds on how far an unclosed group is searched, so hostile input (thousands of unclosed groups in
    // one paragraph) stays near-linear: cite arguments are short, macro bodies rarely long.
    private const int MaxOptional = 300;
    private const int MaxArgument = 1_000;
    private const int MaxLongArgument = 2_000;

    public static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z';

    /// <summary>End of the run of ASCII letters starting at i (a control word's name).</summary>
    public static int ReadLetters(string text, int i)
    {
        while (i < text.Length && IsLetter(text[i])) i++;
        return i;
    }

    /// <summary>Index of the line break ending the line that contains i (or text end).</summary>
    public static int LineEnd(string text, int i)
    {
        var j = text.AsSpan(i).IndexOfAny('\n', '\r');
        return j < 0 ? text.Length : i + j;
    }

    /// <summary>Skips spaces, tabs and at most one line break (TeX reads no blank line as a space).</summary>
    public static int SkipSpaces(string text, int i)
    {
        var breaks = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c is ' ' or '\t') { i++; continue; }
            if (c is '\n' or '\r')
            {
                if (breaks++ == 1) break;
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                continue;
            }
            break;
        }
        return i;
    }

    /// <summary>
    /// Reads a group opening at text[i] ('{', '[' or '('), honouring nested braces, escapes and comments.
    /// Returns the index just after the closing delimiter, or -1 when unclosed (a blank line ends the
    /// search unless long is set: cite arguments cannot span paragraphs; nor run longer than MaxArgument,
    /// which keeps unclosed groups in a document without blank lines from costing quadratic time).
    /// </summary>
    public static int ReadGroup(string text, int i, bool isLong = false)
    {
        var open = text[i];
        var limit = Math.Min(text.Length, i + (isLong ? MaxLongArgument : open == '{' ? MaxArgument : MaxOptional));
        var close = open switch { '{' => '}', '[' => ']', _ => ')' };
        var depth = 0;
        for (var j = i + 1; j < limit; j++)
        {
            var c = text[j];
            switch (c)
            {
                case '\\': j++; break;
                case '%': j = LineEnd(text, j) - 1; break;
                case '{': depth++; break;
                case '}':
                    if (depth == 0) return open == '{' ? j + 1 : -1;
                    depth--;
                    break;
                case '\n':
                    if (!isLong && IsBlankLineAfter(text, j)) return -1;
                    break;
                default:
                    if (c == close && depth == 0) return j + 1;
                    break;
            }
        }
        return -1;
    }

    /// <summary>
    /// Reads a key list "{a, b}" opening at text[i]: like ReadGroup, but a control sequence or a nested
    /// brace means this is not a key list (or one still being typed), which returns -1.
    /// </summary>
    public static int ReadKeyList(string text, int i)
    {
        var limit = Math.Min(text.Length, i + MaxArgument);
        for (var j = i + 1; j < limit; j++)
        {
            switch (text[j])
            {
                case '}': return j + 1;
                case '\\' or '{': return -1;
                case '%': j = LineEnd(text, j) - 1; break;
                case '\n':
                    if (IsBlankLineAfter(text, j)) return -1;
                    break;
            }
        }
        return -1;
    }

    /// <summary>True when the line after the break at i is blank (a paragraph end).</summary>
    public static bool IsBlankLineAfter(string text, int i)
    {
        for (var j = i + 1; j < text.Length; j++)
        {
            var c = text[j];
            if (c == '\n' || c == '\r') return true;
            if (c != ' ' && c != '\t') return false;
        }
        return true;
    }

    /// <summary>Calls add(start, length) for each comma-separated, trimmed, non-empty item in [start, end), skipping comments.</summary>
    public static void SplitList(string text, int start, int end, List<(int Start, int Length)> into)
    {
        var i = start;
        while (i < end)
        {
            while (i < end && (char.IsWhiteSpace(text[i]) || text[i] == ',')) i++;
            if (i >= end) break;
            if (text[i] == '%') { i = Math.Min(LineEnd(text, i), end); continue; }
            var s = i;
            var depth = 0;
            while (i < end)
            {
                var c = text[i];
                if (c == '{') depth++;
                else if (c == '}') depth--;
                else if (depth == 0 && (c == ',' || c == '%' || char.IsWhiteSpace(c))) break;
                i++;
            }
            into.Add((s, i - s));
            // Text after white space up to the next comma is not part of this key ("a b,c" is LaTeX's "ab").
            while (i < end && text[i] != ',' && text[i] != '%') i++;
        }
    }
}
