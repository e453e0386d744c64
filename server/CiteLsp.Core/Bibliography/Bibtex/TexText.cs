using System.Buffers;
using System.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// Turns a BibTeX value into display text: accents and special commands to Unicode, braces stripped,
/// dashes and quotes typeset, whitespace collapsed. Unknown commands (and math) are kept as written.
/// </summary>
public static class TexText
{
    private static readonly SearchValues<char> NeedsWork = SearchValues.Create("\\{}~-`'\n\r\t");
    private static readonly SearchValues<char> Special = SearchValues.Create("\\{}~-`'\n\r\t ");
    [ThreadStatic] private static StringBuilder? _cachedBuilder;

    internal static readonly Dictionary<string, string> Symbols = new(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["SS"] = "SS", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["aa"] = "å", ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ", ["dh"] = "ð", ["DH"] = "Ð",
        ["th"] = "þ", ["TH"] = "Þ", ["ng"] = "ŋ", ["NG"] = "Ŋ", ["dj"] = "đ", ["DJ"] = "Đ",
        ["textendash"] = "–", ["textemdash"] = "—", ["textquotedblleft"] = "“", ["textquotedblright"] = "”",
        ["textquoteleft"] = "‘", ["textquoteright"] = "’", ["textquotesingle"] = "'", ["textquotedbl"] = "\"",
        ["ldots"] = "…", ["dots"] = "…", ["textellipsis"] = "…", ["textasciitilde"] = "~", ["textasciicircum"] = "^", ["textbackslash"] = "\\",
        ["textunderscore"] = "_", ["textbar"] = "|", ["textless"] = "<", ["textgreater"] = ">", ["textbullet"] = "•",
        ["textdegree"] = "°", ["S"] = "§", ["P"] = "¶", ["copyright"] = "©", ["textcopyright"] = "©",
        ["textregistered"] = "®", ["texttrademark"] = "™", ["pounds"] = "£", ["euro"] = "€", ["texteuro"] = "€",
        ["guillemotleft"] = "«", ["guillemotright"] = "»", ["LaTeX"] = "LaTeX", ["TeX"] = "TeX", ["BibTeX"] = "BibTeX",
    };

    private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> SymbolLookup =
        Symbols.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Commands whose name vanishes while their argument stays (formatting, case protection).</summary>
    private static readonly HashSet<string> Transparent = new(StringComparer.Ordinal)
    {
        "emph", "textit", "textbf", "textsc", "texttt", "textrm", "textsf", "textup", "textsl", "textnormal", "textmd",
        "mbox", "hbox", "text", "url", "mkbibquote", "enquote", "mkbibemph", "mkbibitalic", "mkbibbold", "MakeUppercase",
        "MakeLowercase", "uppercase", "lowercase", "it", "bf", "em", "sc", "rm", "tt", "sl", "sf", "normalfont", "relax",
        "itshape", "bfseries", "scshape", "upshape", "mdseries", "small", "footnotesize", "large", "Large", "protect",
        "textsuperscript", "textsubscript", "ensuremath", "bibstring", "nolinkurl",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> TransparentLookup =
        Transparent.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Symbol commands after which TeX swallows spaces we must also swallow ("Bj\o rn" → "Bjørn").</summary>
    private static bool SwallowsSpace(ReadOnlySpan<char> name) => name.Length <= 2;

    public static string ToDisplay(string s) => IsPlain(s) ? s : Convert(s);

    /// <summary>Same as <see cref="ToDisplay(string)"/> for a slice, allocating only the result.</summary>
    public static string ToDisplay(ReadOnlySpan<char> s) => s.IsEmpty ? "" : IsPlain(s) ? new string(s) : Convert(s);

    private static bool IsPlain(ReadOnlySpan<char> s) =>
        s.IndexOfAny(NeedsWork) < 0 && !s.Contains("  ", StringComparison.Ordinal) && (s.Length == 0 || (s[0] != ' ' && s[^1] != ' '));

    private static string Convert(ReadOnlySpan<char> s)
    {
        var sb = _cachedBuilder ?? new StringBuilder(256);
        _cachedBuilder = null;
        sb.Clear();
        var pendingSpace = false;
        var i = 0;
        while (i < s.Length)
        {
            // Copy runs of ordinary characters in bulk; only the characters below need a decision.
            var run = s[i..].IndexOfAny(Special);
            if (run != 0)
            {
                if (run < 0) run = s.Length - i;
                if (pendingSpace && sb.Length > 0) sb.Append(' ');
                pendingSpace = false;
                sb.Append(s.Slice(i, run));
                i += run;
                continue;
            }
            var c = s[i];
            if (c is '{' or '}') { i++; continue; }
            if (c is ' ' or '\t' or '\n' or '\r' or '~') { pendingSpace = true; i++; continue; }
            if (pendingSpace && sb.Length > 0) sb.Append(' ');
            pendingSpace = false;
            switch (c)
            {
                case '-' when At(s, i + 1) == '-':
                    if (At(s, i + 2) == '-') { sb.Append('—'); i += 3; } else { sb.Append('–'); i += 2; }
                    break;
                case '`': sb.Append(At(s, i + 1) == '`' ? '“' : '‘'); i += At(s, i + 1) == '`' ? 2 : 1; break;
                case '\'' when At(s, i + 1) == '\'': sb.Append('”'); i += 2; break;
                case '\\': i = Command(s, i, sb, ref pendingSpace); break;
                default: sb.Append(c); i++; break;
            }
        }
        var result = sb.ToString();
        if (sb.Capacity <= 1 << 16) _cachedBuilder = sb;
        return result;
    }

    private static char At(ReadOnlySpan<char> s, int i) => i < s.Length ? s[i] : '\0';

    /// <summary>Handles the command starting at the backslash s[i]; returns the index after it.</summary>
    private static int Command(ReadOnlySpan<char> s, int i, StringBuilder sb, ref bool pendingSpace)
    {
        var n = At(s, i + 1);
        if (n == '\0') { sb.Append('\\'); return i + 1; }
        if (TexAccents.IsSymbolAccent(n)) return Accent(s, i + 2, n, sb);
        if (!char.IsAsciiLetter(n))
        {
            switch (n)
            {
                case '&' or '%' or '$' or '#' or '_' or '{' or '}': sb.Append(n); break;
                case ' ' or '\\' or ',' or ';' or ':' or '\n': pendingSpace = true; break;
                case '/' or '-' or '!' or '@': break;
                default: sb.Append('\\').Append(n); break;
            }
            return i + 2;
        }
        var j = i + 1;
        while (j < s.Length && char.IsAsciiLetter(s[j])) j++;
        var name = s[(i + 1)..j];
        if (name.Length == 1 && TexAccents.IsLetterAccent(name[0]) && At(s, j) is ' ' or '{' or '\\')
            return Accent(s, SkipSpaces(s, j), name[0], sb);
        if (SymbolLookup.TryGetValue(name, out var symbol))
        {
            sb.Append(symbol);
            return SwallowsSpace(name) ? SkipSpaces(s, j) : j;
        }
        if (TransparentLookup.Contains(name)) return SkipSpaces(s, j);
        if (name is "noopsort") return SkipGroup(s, SkipSpaces(s, j));
        sb.Append('\\').Append(name);
        return j;
    }

    /// <summary>Reads the accent's argument (x, {x}, \i, {\i}) at j and appends the accented letter.</summary>
    private static int Accent(ReadOnlySpan<char> s, int j, char accent, StringBuilder sb)
    {
        var braced = At(s, j) == '{';
        if (braced) j = SkipSpaces(s, j + 1);
        char letter;
        if (At(s, j) == '\\' && At(s, j + 1) is 'i' or 'j' && !char.IsAsciiLetter(At(s, j + 2)))
        {
            letter = s[j + 1];
            j = SkipSpaces(s, j + 2);
        }
        else if (j < s.Length && s[j] != '}') letter = s[j++];
        else letter = '\0';

        if (braced && At(s, j) == '}') j++;
        if (letter == '\0') sb.Append(accent == '"' ? '¨' : accent);
        else TexAccents.Append(sb, accent, letter);
        return j;
    }

    private static int SkipSpaces(ReadOnlySpan<char> s, int j)
    {
        while (j < s.Length && s[j] is ' ' or '\t' or '\n' or '\r') j++;
        return j;
    }

    private static int SkipGroup(ReadOnlySpan<char> s, int j)
    {
        if (At(s, j) != '{') return j;
        var depth = 0;
        for (; j < s.Length; j++)
        {
            if (s[j] == '{') depth++;
            else if (s[j] == '}' && --depth == 0) return j + 1;
        }
        return j;
    }
}
