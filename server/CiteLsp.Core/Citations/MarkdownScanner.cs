using System.Buffers;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Citations;

/// <summary>One line-oriented pass over a Markdown file; see <see cref="MarkdownScan"/> for what it collects.</summary>
internal sealed class MarkdownScanner(string path, string text)
{
    private static readonly SearchValues<char> InlineStarts = SearchValues.Create("@`<\\[]");

    private readonly List<Citation> _citations = [];
    private readonly List<InlineKey> _linkKeys = [];
    private readonly List<SourceSpan> _skipped = [];
    private const int MaxInlineSpan = 1000;
    private int _bracketStart = -1, _bracketEnd = -1;
    private int _paragraphQuery = -1, _paragraphEnd = -1;
    private int _unclosedBracket = -1;
    private int _closeFrom = -1, _closeAt = -1; // the last CloseAfter query and its answer
    private readonly List<int> _openBrackets = []; // unmatched '[' of the current paragraph, innermost last

    public MarkdownScan Run()
    {
        var front = FrontMatter();
        var i = front is null ? 0 : front.Value.End;
        var fenceChar = '\0';
        var fenceLength = 0;
        var fenceStart = 0;
        var previousBlank = true;
        var previousCode = false;
        var inList = false;
        var resume = 0; // inline constructs (code spans, comments) may run past a line end

        while (i < text.Length)
        {
            var lineEnd = LatexSyntax.LineEnd(text, i);
            var next = lineEnd < text.Length ? lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1) : text.Length;
            if (resume >= next) { i = next; continue; }

            var (indent, first) = Indent(i, lineEnd);
            var blank = first == lineEnd;
            if (fenceChar != '\0')
            {
                if (indent < 4 && IsFence(first, lineEnd, fenceChar, out var len) && len >= fenceLength && IsBlankFrom(first + len, lineEnd))
                {
                    fenceChar = '\0';
                    _skipped.Add(new SourceSpan(path, fenceStart, lineEnd - fenceStart));
                }
            }
            else if (resume > i)
            {
                ScanInline(resume, lineEnd, ref resume);
            }
            else if (blank)
            {
                previousBlank = true;
                _openBrackets.Clear(); // brackets never span paragraphs
                i = next;
                continue;
            }
            else if (indent < 4 && (IsFence(first, lineEnd, '`', out var bl) || IsFence(first, lineEnd, '~', out bl))
                     && (text[first] == '~' || text.IndexOf('`', first + bl, lineEnd - first - bl) < 0))
            {
                fenceChar = text[first];
                fenceLength = bl;
                fenceStart = i;
            }
            else if (indent >= 4 && (previousBlank || previousCode) && !inList)
            {
                previousCode = true;
                _skipped.Add(new SourceSpan(path, i, lineEnd - i));
                previousBlank = false;
                i = next;
                continue;
            }
            else
            {
                if (indent < 4)
                {
                    if (IsListMarker(first, lineEnd)) inList = true;
                    else if (previousBlank) inList = false;
                }
                if (!(indent < 4 && LinkDefinition(first, lineEnd))) ScanInline(i, lineEnd, ref resume);
            }
            previousCode = false;
            previousBlank = false;
            i = next;
        }
        if (fenceChar != '\0') _skipped.Add(new SourceSpan(path, fenceStart, text.Length - fenceStart));
        return new MarkdownScan(_citations, front is null ? null : new FrontMatter(text.Substring(front.Value.InnerStart, front.Value.InnerLength), new SourceSpan(path, front.Value.InnerStart, front.Value.InnerLength)), _linkKeys, _skipped);
    }

    private (int InnerStart, int InnerLength, int End)? FrontMatter()
    {
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        if (!text.AsSpan(start).StartsWith("---")) return null;
        var lineEnd = LatexSyntax.LineEnd(text, start);
        if (lineEnd == text.Length || !IsBlankFrom(start + 3, lineEnd)) return null;
        var inner = lineEnd + (text[lineEnd] == '\r' && lineEnd + 1 < text.Length && text[lineEnd + 1] == '\n' ? 2 : 1);
        // Pandoc: a YAML block is not followed by a blank line (else "---" is a rule).
        if (inner >= text.Length || text[inner] is '\n' or '\r') return null;
        for (var i = inner; i < text.Length;)
        {
            var e = LatexSyntax.LineEnd(text, i);
            var line = text.AsSpan(i, e - i).TrimEnd();
            if (line.SequenceEqual("---") || line.SequenceEqual("..."))
            {
                _skipped.Add(new SourceSpan(path, start, e - start));
                return (inner, i - inner, e);
            }
            i = e < text.Length ? e + 1 : e;
        }
        return null;
    }

    private (int Indent, int First) Indent(int i, int lineEnd)
    {
        var col = 0;
        while (i < lineEnd && text[i] is ' ' or '\t')
        {
            col += text[i] == '\t' ? 4 - col % 4 : 1;
            i++;
        }
        return (col, i);
    }

    private bool IsBlankFrom(int i, int end)
    {
        for (; i < end; i++) if (text[i] is not (' ' or '\t')) return false;
        return true;
    }

    private bool IsFence(int i, int lineEnd, char c, out int length)
    {
        var j = i;
        while (j < lineEnd && text[j] == c) j++;
        length = j - i;
        return length >= 3;
    }

    private bool IsListMarker(int i, int lineEnd)
    {
        if (i >= lineEnd) return false;
        if (text[i] is '-' or '*' or '+') return i + 1 == lineEnd || text[i + 1] is ' ' or '\t';
        var j = i;
        while (j < lineEnd && char.IsAsciiDigit(text[j])) j++;
        if (j == i || j - i > 9 || j >= lineEnd || text[j] is not ('.' or ')')) return false;
        return j + 1 == lineEnd || text[j + 1] is ' ' or '\t';
    }

    /// <summary>A Markdown link definition "[@key]: target" defines key (Manubot citation aliases).</summary>
    private bool LinkDefinition(int i, int lineEnd)
    {
        if (i + 2 >= lineEnd || text[i] != '[' || text[i + 1] != '@') return false;
        var close = text.IndexOf(']', i, lineEnd - i);
        if (close < 0 || close + 1 >= lineEnd || text[close + 1] != ':') return false;
        var keyEnd = PandocKey.ReadBare(text, i + 2);
        if (keyEnd != close) return false;
        _linkKeys.Add(new InlineKey(text.Substring(i + 2, close - i - 2), new SourceSpan(path, i + 2, close - i - 2)));
        return true;
    }

    private void ScanInline(int i, int lineEnd, ref int resume)
    {
        while (i < lineEnd)
        {
            var j = text.AsSpan(i, lineEnd - i).IndexOfAny(InlineStarts);
            if (j < 0) return;
            i += j;
            switch (text[i])
            {
                case '\\':
                    i = Backslash(i);
                    if (i > lineEnd) resume = Math.Max(resume, i);
                    break;
                case '`': i = CodeSpan(i, ref resume); break;
                case '<': i = Angle(i, ref resume); break;
                case '[': _openBrackets.Add(i++); break;
                case ']':
                    if (_openBrackets.Count > 0) _openBrackets.RemoveAt(_openBrackets.Count - 1);
                    i++;
                    break;
                default: i = At(i); break;
            }
        }
    }

    /// <summary>An escape (\@), or raw LaTeX: R Markdown/pandoc pass \cite{key} to the LaTeX output, where it resolves.</summary>
    private int Backslash(int i)
    {
        var nameEnd = LatexSyntax.ReadLetters(text, i + 1);
        if (nameEnd == i + 1) return i + 2;
        if (LatexCitationScanner.FindCite(text.AsSpan(i + 1, nameEnd - i - 1), null) is not { } cite) return nameEnd;
        var p = nameEnd < text.Length && text[nameEnd] == '*' ? nameEnd + 1 : nameEnd;
        var citesAll = false;
        var before = _citations.Count;
        var end = LatexCiteArguments.ScanCite(path, text, i, p, cite, _citations, ref citesAll);
        // Inside a Pandoc bracket the raw command must close before the bracket does ("[@a \cite{]}"): else it is not one.
        if (end > _bracketEnd && i > _bracketStart && i < _bracketEnd)
        {
            _citations.RemoveRange(before, _citations.Count - before);
            return nameEnd;
        }
        return end < 0 ? nameEnd : end;
    }

    private int CodeSpan(int i, ref int resume)
    {
        var n = 1;
        while (i + n < text.Length && text[i + n] == '`') n++;
        var limit = ParagraphEnd(i);
        for (var k = i + n; k < limit; k++)
        {
            if (text[k] != '`') continue;
            var m = 1;
            while (k + m < limit && text[k + m] == '`') m++;
            if (m == n)
            {
                _skipped.Add(new SourceSpan(path, i, k + m - i));
                resume = Math.Max(resume, k + m);
                return k + m;
            }
            k += m - 1;
        }
        return i + n; // no closer: the backticks are literal
    }

    private int Angle(int i, ref int resume)
    {
        if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
        {
            var close = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
            var end = close < 0 ? text.Length : close + 3;
            _skipped.Add(new SourceSpan(path, i, end - i));
            resume = Math.Max(resume, end);
            return end;
        }
        // Autolinks <https://…> and <me@example.com>.
        var k = i + 1;
        while (k < text.Length && text[k] is not (' ' or '\t' or '\n' or '\r' or '<' or '>')) k++;
        if (k < text.Length && text[k] == '>' && text.AsSpan(i + 1, k - i - 1).IndexOfAny(':', '@') >= 0)
        {
            _skipped.Add(new SourceSpan(path, i, k + 1 - i));
            return k + 1;
        }
        return i + 1;
    }

    private int At(int i)
    {
        if (i > 0 && PandocKey.BlocksAt(text[i - 1])) return i + 1;
        int keyStart, keyEnd, end;
        if (i + 1 < text.Length && text[i + 1] == '{')
        {
            keyStart = i + 2;
            var close = CloseAfter(keyStart);
            if (close < 0 || text[close] != '}' || close == keyStart || text[keyStart] == '{') return i + 1; // "@{{x}}" is a template
            keyEnd = close;
            end = close + 1;
        }
        else
        {
            keyStart = i + 1;
            keyEnd = end = PandocKey.ReadBare(text, keyStart);
            if (keyEnd == keyStart) return i + 1;
        }
        var key = text.AsSpan(keyStart, keyEnd - keyStart);
        if (PandocKey.IsCrossRef(key) || InUrl(i)) return end;

        var bracket = Bracket(i, end);
        if (bracket is { } around && end > around.End) return i + 1; // "[@a @{]x}": a braced key cannot run past its bracket
        var (cmdStart, cmdEnd, command) = bracket is { } b ? (b.Start, b.End, "[@]") : (i, end, "@");
        _citations.Add(new Citation(key.ToString(), new SourceSpan(path, keyStart, keyEnd - keyStart),
            new SourceSpan(path, cmdStart, cmdEnd - cmdStart), command, DocumentSyntax.Markdown));
        return end;
    }

    /// <summary>
    /// The first '}' or line break at or after <paramref name="from"/>. The last answer is reused while it still
    /// applies, so a long line of "@{" without a '}' is scanned once, not once per '@'.
    /// </summary>
    private int CloseAfter(int from)
    {
        if (_closeFrom >= 0 && from >= _closeFrom && (_closeAt < 0 || from <= _closeAt)) return _closeAt;
        _closeFrom = from;
        return _closeAt = text.IndexOfAny(['}', '\n', '\r'], from);
    }

    /// <summary>True when the word holding the '@' is a URL ("https://x.org/@me", "www.x.org/@me").</summary>
    private bool InUrl(int at)
    {
        var s = at;
        while (s > 0 && at - s < 300 && !char.IsWhiteSpace(text[s - 1]) && text[s - 1] is not ('(' or '[' or '<')) s--;
        var word = text.AsSpan(s, at - s);
        return word.Contains("://", StringComparison.Ordinal) || word.StartsWith("www.", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The enclosing [ … ] of a bracketed citation, or null for an in-text one.</summary>
    private (int Start, int End)? Bracket(int at, int keyEnd)
    {
        if (at > _bracketStart && at < _bracketEnd) return (_bracketStart, _bracketEnd);
        if (_openBrackets.Count == 0) return null;
        var open = _openBrackets[^1];
        if (open == _unclosedBracket) return null;
        var depth = 0;
        var limit = ParagraphEnd(keyEnd);
        for (var k = keyEnd; k < limit; k++)
        {
            var c = text[k];
            if (c == '\\') { k++; continue; }
            if (c == '[') depth++;
            else if (c == ']')
            {
                if (depth-- > 0) continue;
                _bracketStart = open;
                _bracketEnd = k + 1;
                return (open, k + 1);
            }
        }
        _unclosedBracket = open; // do not search again for each later '@'
        return null;
    }

    /// <summary>
    /// Where the paragraph holding i ends (the next blank line, or text end), at most MaxInlineSpan ahead:
    /// inline constructs never look further, so unclosed backticks or brackets cost no more than that.
    /// Queries move forward, so the last answer is reused while it still applies.
    /// </summary>
    private int ParagraphEnd(int i)
    {
        if (i < _paragraphQuery || i > _paragraphEnd)
        {
            _paragraphQuery = i;
            _paragraphEnd = text.Length;
            for (var k = text.IndexOf('\n', i); k >= 0; k = text.IndexOf('\n', k + 1))
                if (LatexSyntax.IsBlankLineAfter(text, k)) { _paragraphEnd = k; break; }
        }
        return Math.Min(_paragraphEnd, i + MaxInlineSpan);
    }
}
