using System.Text;
using System.Text.RegularExpressions;

namespace CiteLsp.Core.Rendering;

/// <summary>
/// Output of <see cref="TexRenderer"/>: collapses whitespace (a blank line stays a paragraph break), escapes
/// Markdown-special characters in text, and opens emphasis markers only once content follows them, so that
/// empty or space-padded spans never produce stray asterisks. In plain mode markup is dropped.
/// </summary>
internal sealed partial class MarkdownWriter(bool markdown)
{
    private const string Escaped = "\\`*_[]<>$~&{}|";
    private readonly StringBuilder _out = new();
    private readonly List<(string Marker, bool Opened)> _spans = [];
    private int _pendingNewlines = -1; // -1: no pending whitespace; 0: a space; ≥2: a paragraph break

    public bool Markdown => markdown;

    /// <summary>Literal text escaped for Markdown (DOIs, URLs shown as text): no TeX interpretation.</summary>
    public static string Escape(string text)
    {
        var w = new MarkdownWriter(markdown: true);
        w.Text(text);
        return w.ToString();
    }

    public void Text(string s)
    {
        foreach (var c in s) Text(c);
    }

    public void Text(char c)
    {
        if (c is ' ' or '\t' or '\n' or '\r')
        {
            _pendingNewlines = Math.Max(_pendingNewlines, 0) + (c == '\n' ? 1 : 0);
            return;
        }
        BeginContent();
        // "]" then "(", "[" or ":" would turn a preceding "[key]" into a link or a link definition.
        var escape = markdown && (Escaped.Contains(c) || (c is '(' or '[' or ':' && Last == ']'));
        if (escape) _out.Append('\\');
        _out.Append(c);
    }

    /// <summary>Markdown syntax written as is (dropped in plain mode).</summary>
    public void Markup(string s)
    {
        if (!markdown || s.Length == 0) return;
        BeginContent();
        _out.Append(s);
    }

    /// <summary>Text that is already safe (math, code spans): written as is in both modes.</summary>
    public void Verbatim(string s)
    {
        if (s.Length == 0) return;
        BeginContent();
        _out.Append(s);
    }

    public void Space() => _pendingNewlines = Math.Max(_pendingNewlines, 0);

    public int Depth => _spans.Count;

    public int Length => _out.Length;

    public bool IsOpen(string marker) => _spans.Exists(s => s.Marker == marker);

    public void Open(string marker) => _spans.Add((markdown ? marker : "", false));

    /// <summary>Closes spans down to <paramref name="depth"/>; a span that got no content leaves no trace.</summary>
    public void CloseTo(int depth)
    {
        while (_spans.Count > depth)
        {
            var (marker, opened) = _spans[^1];
            _spans.RemoveAt(_spans.Count - 1);
            if (opened) _out.Append(marker); // before any pending space: "*a* b", never "*a *b"
        }
    }

    public override string ToString()
    {
        CloseTo(0);
        var text = _out.ToString().Trim();
        return markdown ? LineStart().Replace(text, @"$1\$2") : text;
    }

    private char Last => _out.Length == 0 ? '\0' : _out[^1];

    private void BeginContent()
    {
        if (_pendingNewlines >= 0 && _out.Length > 0)
            _out.Append(_pendingNewlines >= 2 ? "\n\n" : " ");
        _pendingNewlines = -1;
        for (var i = 0; i < _spans.Count; i++)
        {
            if (_spans[i].Opened) continue;
            _out.Append(_spans[i].Marker);
            _spans[i] = (_spans[i].Marker, true);
        }
    }

    /// <summary>Characters that start a heading, quote, list or rule when they begin a paragraph.</summary>
    [GeneratedRegex(@"^(\d+(?=[.)])|)([#>+=-]|(?<=\d)[.)])", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex LineStart();
}
