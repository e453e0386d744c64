using System.Text;

namespace CiteLsp.Core.Rendering;

/// <summary>
/// A forgiving one-pass reader of LaTeX text (titles, names, abstracts) writing Markdown or plain text.
/// Known macros are rendered, unknown ones dropped keeping their braced arguments' text; braces never reach
/// the output. Nesting deeper than <see cref="MaxDepth"/> is flattened so hostile input cannot exhaust the stack.
/// </summary>
internal sealed class TexRenderer
{
    private const int MaxDepth = 100;
    private readonly string _s;
    private readonly MarkdownWriter _w;
    private int _i;
    private int _depth;
    private int _flatBraces; // '{' not descended into because of MaxDepth; their '}' are dropped too

    public TexRenderer(string tex, bool markdown, int depth = 0)
    {
        _s = tex;
        _w = new MarkdownWriter(markdown);
        _depth = depth;
    }

    public string Render()
    {
        Run(inGroup: false);
        return _w.ToString();
    }

    private char Peek => _i < _s.Length ? _s[_i] : '\0';

    private bool Take(char c)
    {
        if (Peek != c || _i >= _s.Length) return false;
        _i++;
        return true;
    }

    /// <summary>Renders until the end, or (in a group) through the closing brace; declarations end with the group.</summary>
    private void Run(bool inGroup)
    {
        var spans = _w.Depth;
        while (_i < _s.Length)
            if (!Step() && inGroup) break;
        _w.CloseTo(spans);
    }

    /// <summary>Renders one token; false when it was a closing brace.</summary>
    private bool Step()
    {
        var c = _s[_i++];
        switch (c)
        {
            case '}' when _flatBraces > 0: _flatBraces--; return true;
            case '}': return false;
            case '{': Group(); break;
            case '\\': Command(); break;
            case '$': InlineMath(); break;
            case '~': _w.Text('\u00A0'); break;
            case '-': _w.Text(!Take('-') ? '-' : Take('-') ? '—' : '–'); break;
            case '`': _w.Text(Take('`') ? '“' : '‘'); break;
            case '\'' when Take('\''): _w.Text('”'); break;
            default: _w.Text(c); break;
        }
        return true;
    }

    private void Group()
    {
        if (_depth >= MaxDepth) { _flatBraces++; return; }
        _depth++;
        Run(inGroup: true);
        _depth--;
    }

    /// <summary>One macro argument: a group, a macro or a single character.</summary>
    private void Arg()
    {
        SkipSpaces();
        if (_i >= _s.Length || Peek == '}' || _depth >= MaxDepth) return;
        _depth++;
        Step();
        _depth--;
    }

    /// <summary>One argument as source text (keys, URLs, code), braces removed.</summary>
    private string RawArg()
    {
        SkipSpaces();
        if (Take('{')) return ReadBalanced('{', '}');
        if (_i >= _s.Length || Peek == '}') return "";
        var start = _i++;
        if (_s[start] == '\\' && _i < _s.Length && !char.IsAsciiLetter(_s[_i])) _i++;
        else if (_s[start] == '\\') while (_i < _s.Length && char.IsAsciiLetter(_s[_i])) _i++;
        return _s[start.._i];
    }

    /// <summary>Text up to the bracket closing one already consumed; backslash escapes are skipped over.</summary>
    private string ReadBalanced(char open, char close)
    {
        var start = _i;
        for (var depth = 1; _i < _s.Length; _i++)
        {
            var c = _s[_i];
            if (c == '\\') _i++;
            else if (c == open) depth++;
            else if (c == close && --depth == 0) return _s[start.._i++];
        }
        return _s[start..];
    }

    /// <summary>Skips the spaces TeX ignores after a control word, but never a paragraph break.</summary>
    private void SkipSpaces()
    {
        var j = _i;
        var newlines = 0;
        while (j < _s.Length && _s[j] is ' ' or '\t' or '\r' or '\n')
            if (_s[j++] == '\n') newlines++;
        if (newlines < 2) _i = j;
    }

    private void SkipOptionalArgs(bool skipSpaces)
    {
        while (true)
        {
            var save = _i;
            if (skipSpaces) SkipSpaces();
            if (Take('[')) { ReadBalanced('[', ']'); continue; }
            _i = save;
            return;
        }
    }

    private void Command()
    {
        if (_i >= _s.Length) return;
        if (!char.IsAsciiLetter(Peek)) { ControlSymbol(_s[_i++]); return; }
        var start = _i;
        while (_i < _s.Length && char.IsAsciiLetter(_s[_i])) _i++;
        ControlWord(_s[start.._i]);
    }

    private void ControlSymbol(char c)
    {
        switch (c)
        {
            case '\'' or '`' or '^' or '"' or '~' or '=' or '.': Accent(c.ToString()); break;
            case '\\': SkipOptionalArgs(skipSpaces: false); _w.Space(); break;
            case '(': DelimitedMath("\\)", display: false); break;
            case '[': DelimitedMath("\\]", display: true); break;
            case ' ' or ',' or ';' or ':' or '>' or '\n' or '\t' or '\r': _w.Space(); break;
            case '-' or '/' or '@' or '!': break;
            default: _w.Text(c); break; // \& \% \_ \$ \# \{ \} …
        }
    }

    private void ControlWord(string name)
    {
        if (TexSymbols.IsAccent(name)) { SkipSpaces(); Accent(name); return; }
        if (TexSymbols.Letter(name) is { } letter) { SkipSpaces(); TakeEmptyGroup(); _w.Text(letter); return; }
        if (TexSymbols.Symbol(name) is { } symbol) { TakeEmptyGroup(); _w.Text(symbol); return; }
        Take('*');
        switch (name)
        {
            case "emph" or "textit" or "textsl" or "mkbibemph" or "mkbibitalic": Styled("*"); break;
            case "textbf" or "mkbibbold": Styled("**"); break;
            case "em" or "it" or "itshape" or "sl" or "slshape": Declare("*"); break;
            case "bf" or "bfseries": Declare("**"); break;
            case "texttt" or "path" or "code": Code(RawArg()); break;
            case "verb": Verb(); break;
            case "url" or "doi": Url(RawArg()); break;
            case "href": Href(); break;
            case "enquote" or "mkbibquote": _w.Text('“'); Arg(); _w.Text('”'); break;
            case "textcolor" or "colorbox": RawArg(); Arg(); break;
            case "noopsort" or "nocite" or "label" or "index" or "vspace" or "hspace" or "phantom" or "hphantom"
                or "vphantom" or "color" or "begin" or "end" or "newcommand" or "renewcommand" or "providecommand"
                or "footnotemark" or "bibliographystyle" or "bibliography":
                DropArgs(); break;
            default:
                if (IsCite(name)) Cite(name);
                else Unknown();
                break;
        }
    }

    private static bool IsCite(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.StartsWith("cite", StringComparison.Ordinal) || lower.EndsWith("cite", StringComparison.Ordinal)
            || lower.EndsWith("cites", StringComparison.Ordinal);
    }

    private void TakeEmptyGroup()
    {
        if (_i + 1 < _s.Length && _s[_i] == '{' && _s[_i + 1] == '}') _i += 2;
    }

    private void Styled(string marker)
    {
        var spans = _w.Depth;
        if (!_w.IsOpen(marker)) _w.Open(marker); // \emph inside italics is upright in LaTeX; Markdown cannot say so
        Arg();
        _w.CloseTo(spans);
    }

    private void Declare(string marker)
    {
        if (!_w.IsOpen(marker)) _w.Open(marker);
    }

    private void Accent(string command)
    {
        string text;
        if (Take('{')) text = Nested(ReadBalanced('{', '}'));
        else if (Peek == '\\' && _i + 1 < _s.Length && char.IsAsciiLetter(_s[_i + 1]))
        {
            var start = ++_i;
            while (_i < _s.Length && char.IsAsciiLetter(_s[_i])) _i++;
            text = TexSymbols.Letter(_s[start.._i]) ?? "";
            if (text.Length == 0) _i = start - 1; // not a letter: render that macro normally
            else TakeEmptyGroup();
        }
        else if (_i < _s.Length && !char.IsWhiteSpace(Peek) && Peek is not '}' and not '\\') text = _s[_i++].ToString();
        else text = "";
        _w.Text(TexSymbols.Accent(command, text));
    }

    /// <summary>Plain text of an argument rendered on its own (accent bases, code); empty past MaxDepth.</summary>
    private string Nested(string source) =>
        _depth >= MaxDepth ? "" : new TexRenderer(source, markdown: false, _depth + 1).Render();

    private void InlineMath()
    {
        var display = Take('$');
        var delimiter = display ? "$$" : "$";
        var end = FindUnescaped(delimiter);
        if (end < 0) { _w.Text(delimiter); return; } // a lone dollar is a dollar
        EmitMath(_s[_i..end], display);
        _i = end + delimiter.Length;
    }

    private void DelimitedMath(string close, bool display)
    {
        var end = _s.IndexOf(close, _i, StringComparison.Ordinal);
        if (end < 0) end = _s.Length;
        EmitMath(_s[_i..end], display);
        _i = Math.Min(_s.Length, end + close.Length);
    }

    private void EmitMath(string content, bool display)
    {
        var math = CollapseSpaces(content);
        if (math.Length == 0) return;
        var delimiter = display ? "$$" : "$";
        _w.Verbatim(_w.Markdown ? delimiter + math + delimiter : math);
    }

    private int FindUnescaped(string delimiter)
    {
        for (var j = _i; j < _s.Length; j++)
        {
            if (_s[j] == '\\') { j++; continue; }
            if (string.CompareOrdinal(_s, j, delimiter, 0, delimiter.Length) == 0) return j;
        }
        return -1;
    }

    private void Code(string source)
    {
        var text = CollapseSpaces(Nested(source));
        if (!_w.Markdown) { _w.Text(text); return; }
        if (text.Length == 0) return;
        var fence = new string('`', LongestRun(text, '`') + 1);
        var pad = text[0] == '`' || text[^1] == '`' ? " " : "";
        _w.Verbatim(fence + pad + text + pad + fence);
    }

    private void Verb()
    {
        if (_i >= _s.Length) return;
        var delimiter = _s[_i++];
        var end = _s.IndexOf(delimiter, _i);
        if (end < 0) end = _s.Length;
        var text = CollapseSpaces(_s[_i..end]);
        _i = Math.Min(_s.Length, end + 1);
        if (!_w.Markdown) { _w.Text(text); return; }
        if (text.Length == 0) return;
        var fence = new string('`', LongestRun(text, '`') + 1);
        _w.Verbatim(fence + " " + text + " " + fence);
    }

    private void Url(string source)
    {
        var url = Unescape(source).Trim();
        if (url.Length == 0) return;
        if (_w.Markdown && url.Contains("://", StringComparison.Ordinal) && url.IndexOfAny([' ', '<', '>']) < 0)
            _w.Verbatim("<" + url + ">");
        else _w.Text(url);
    }

    private void Href()
    {
        var url = Unescape(RawArg()).Trim();
        var spans = _w.Depth;
        _w.Markup("[");
        var before = _w.Length;
        Arg();
        _w.CloseTo(spans);
        if (_w.Length == before) _w.Text(url);
        _w.Markup("](" + LinkDestination(url) + ")");
    }

    /// <summary>Unknown macro: optional arguments dropped, adjacent braced arguments kept as text.</summary>
    private void Unknown()
    {
        var args = 0;
        while (true)
        {
            if (Take('[')) { ReadBalanced('[', ']'); continue; }
            if (Peek != '{') return;
            if (args++ > 0) _w.Space();
            _i++;
            Group();
        }
    }

    private void DropArgs()
    {
        while (true)
        {
            var save = _i;
            SkipSpaces();
            if (Take('[')) ReadBalanced('[', ']');
            else if (Take('{')) ReadBalanced('{', '}');
            else { _i = save; return; }
        }
    }

    /// <summary>\cite[pre][post]{a, b} → [a, b]; \cites takes several key groups.</summary>
    private void Cite(string name)
    {
        var keys = new List<string>();
        var several = name.EndsWith('s');
        while (true)
        {
            var save = _i;
            SkipSpaces();
            if (Take('[')) { ReadBalanced('[', ']'); continue; }
            if (Take('{'))
            {
                keys.AddRange(ReadBalanced('{', '}').Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
                if (several) continue;
                break;
            }
            _i = save;
            break;
        }
        if (keys.Count == 0) return;
        _w.Verbatim("[");
        _w.Text(string.Join(", ", keys));
        _w.Verbatim("]");
    }

    public static string LinkDestination(string url) =>
        url.Replace(" ", "%20").Replace("(", "%28").Replace(")", "%29").Replace("<", "%3C").Replace(">", "%3E");

    private static string Unescape(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var j = 0; j < s.Length; j++)
        {
            if (s[j] == '\\' && j + 1 < s.Length && !char.IsAsciiLetter(s[j + 1])) j++;
            if (s[j] is not '{' and not '}') sb.Append(s[j]);
        }
        return sb.ToString();
    }

    private static string CollapseSpaces(string s) =>
        string.Join(' ', s.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries));

    private static int LongestRun(string s, char c)
    {
        int best = 0, run = 0;
        foreach (var x in s) best = Math.Max(best, run = x == c ? run + 1 : 0);
        return best;
    }
}
