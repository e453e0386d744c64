namespace CiteLsp.Core.Text;

/// <summary>Maps UTF-16 offsets to 0-based line and column and back. Lines end at \n, \r\n or \r.</summary>
public sealed class LineIndex
{
    private readonly int[] _lineStarts;
    public int TextLength { get; }

    public LineIndex(string text)
    {
        var starts = new List<int> { 0 };
        // Vectorized search for line ends: catalogs can be tens of MB.
        for (var i = text.AsSpan().IndexOfAny('\r', '\n'); i >= 0;)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            starts.Add(i + 1);
            var next = text.AsSpan(i + 1).IndexOfAny('\r', '\n');
            i = next < 0 ? -1 : i + 1 + next;
        }
        _lineStarts = starts.ToArray();
        TextLength = text.Length;
    }

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
