namespace CiteLsp.Core.Text;

/// <summary>Maps UTF-16 offsets to 0-based line and column and back. Lines end at \n, \r\n or \r.</summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    public int TextLength { get; }

    public LineIndex(string text)
    {
        // Count, then fill: no list growth on a file with millions of lines. Vectorized search for line ends.
        var span = text.AsSpan();
        var count = 1;
        for (var i = span.IndexOfAny('\r', '\n'); i >= 0; count++)
        {
            if (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n') i++;
            var next = span[(i + 1)..].IndexOfAny('\r', '\n');
            i = next < 0 ? -1 : i + 1 + next;
        }
        var starts = new int[count];
        var n = 1;
        for (var i = span.IndexOfAny('\r', '\n'); i >= 0;)
        {
            if (span[i] == '\r' && i + 1 < span.Length && span[i + 1] == '\n') i++;
            starts[n++] = i + 1;
            var next = span[(i + 1)..].IndexOfAny('\r', '\n');
            i = next < 0 ? -1 : i + 1 + next;
        }
        _lineStarts = starts;
        TextLength = text.Length;
    }

    /// <summary>From stored line starts (the warm-start cache); they must ascend from 0 and stay within the text.</summary>
    internal static LineIndex? FromStarts(int[] starts, int length)
    {
        if (starts.Length == 0 || starts[0] != 0 || length < 0) return null;
        for (var i = 1; i < starts.Length; i++) if (starts[i] < starts[i - 1] || starts[i] > length) return null;
        return new LineIndex(starts, length);
    }

    /// <summary>The line starts, for the warm-start cache.</summary>
    internal ReadOnlySpan<int> Starts => _lineStarts;

    private LineIndex(int[] starts, int length)
    {
        _lineStarts = starts;
        TextLength = length;
    }

    /// <summary>
    /// The index of <paramref name="text"/>, an edit of <paramref name="old"/>'s text that kept its first
    /// <paramref name="prefix"/> and last <paramref name="suffix"/> characters: only the changed part is searched.
    /// </summary>
    public static LineIndex Edited(LineIndex old, string oldText, string text, int prefix, int suffix)
    {
        var delta = text.Length - oldText.Length;
        var from = Math.Max(0, prefix - 1);                        // breaks before this are the old ones
        var to = Math.Min(text.Length, text.Length - suffix + 2);  // breaks from here on are the old ones, moved
        var starts = new List<int>();
        var first = Array.BinarySearch(old._lineStarts, from + 1);
        first = first < 0 ? ~first : first;                        // old starts <= from are kept
        for (var i = from; i < to; i++)
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n'))) starts.Add(i + 1);
            else if (text[i] == '\r') { starts.Add(i + 2); i++; }
        var tail = old._lineStarts.Length;
        while (tail > 1 && BreakBefore(oldText, old._lineStarts[tail - 1]) >= to - delta) tail--;
        var result = new int[first + starts.Count + old._lineStarts.Length - tail];
        Array.Copy(old._lineStarts, result, first);
        starts.CopyTo(result, first);
        for (var k = tail; k < old._lineStarts.Length; k++) result[first + starts.Count + k - tail] = old._lineStarts[k] + delta;
        return new LineIndex(result, text.Length);
    }

    /// <summary>Where the line break that ends just before a line start begins (a CRLF counts from its CR).</summary>
    private static int BreakBefore(string text, int start) =>
        start >= 2 && text[start - 1] == '\n' && text[start - 2] == '\r' ? start - 2 : start - 1;

    public int LineCount => _lineStarts.Length;

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, _lineStarts.Length - 1)];

    /// <summary>0-based line and UTF-16 column of an offset (clamped to the text).</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, TextLength);
        var line = Array.BinarySearch(_lineStarts, offset);
        if (line < 0) line = ~line - 1;
        return (line, offset - _lineStarts[line]);
    }

    /// <summary>Offset of a 0-based line and UTF-16 column; columns past the line end clamp to it.</summary>
    public int GetOffset(int line, int column)
    {
        if (line < 0) return 0;
        if (line >= _lineStarts.Length) return TextLength;
        var start = _lineStarts[line];
        var end = line + 1 < _lineStarts.Length ? _lineStarts[line + 1] : TextLength;
        return Math.Min(start + Math.Max(column, 0), end);
    }
}
