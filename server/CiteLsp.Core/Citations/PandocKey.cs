namespace CiteLsp.Core.Citations;

/// <summary>Pandoc's citation key grammar (see its Markdown reader's citeKey parser).</summary>
internal static class PandocKey
{
    private const string Internal = ":.#$%&-+?<>~/";
    private static readonly string[] CrossRefPrefixes = ["fig:", "sec:", "eq:", "tbl:", "lst:"];

    public static bool IsRegular(char c) => char.IsLetterOrDigit(c) || c == '_';

    /// <summary>
    /// End of a bare key starting at i (i itself when no key): a regular character, then regular
    /// characters or internal punctuation followed by a regular one (or ':'/'/' before '/').
    /// </summary>
    public static int ReadBare(string text, int i)
    {
        if (i >= text.Length || !IsRegular(text[i])) return i;
        var j = i + 1;
        while (j < text.Length)
        {
            var c = text[j];
            if (IsRegular(c)) { j++; continue; }
            if (j + 1 < text.Length && Internal.Contains(c))
            {
                var next = text[j + 1];
                if (IsRegular(next) || (c is ':' or '/' && next == '/')) { j++; continue; }
            }
            break;
        }
        return j;
    }

    /// <summary>pandoc-crossref references (@fig:x, @sec:x …, also capitalised) are not citations.</summary>
    public static bool IsCrossRef(ReadOnlySpan<char> key)
    {
        foreach (var p in CrossRefPrefixes)
            if (key.Length > p.Length && key.StartsWith(p, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Characters that make an '@' part of a word (an e-mail address, a handle in a URL), not a citation.</summary>
    public static bool BlocksAt(char previous) =>
        char.IsLetterOrDigit(previous) || previous is '_' or '.' or '+' or '@' or '/' or ':' or '=' or '\\' or '&' or '%' or '#';
}
