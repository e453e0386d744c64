using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// The lines of a file parsed a window at a time (<see cref="BibWindows"/>), known window by window: each window's
/// scan asks for positions in its own window, the joins for positions in windows done before.
/// </summary>
internal sealed class WindowLines(int windows) : ILinePositions
{
    /// <summary>A window's line starts: its first character (a line start), then each start a break in it opens.</summary>
    private sealed record Piece(int FirstLine, int[] Starts);

    private readonly Piece?[] _pieces = new Piece?[windows];

    public void Set(int window, int firstLine, int[] starts) => _pieces[window] = new Piece(firstLine, starts);

    public (int Line, int Column) GetPosition(int offset)
    {
        var w = _pieces.Length - 1;
        while (w > 0 && (_pieces[w] is null || _pieces[w]!.Starts[0] > offset)) w--;
        var piece = _pieces[w]!;
        var i = Array.BinarySearch(piece.Starts, offset);
        if (i < 0) i = ~i - 1;
        return (piece.FirstLine + i, offset - piece.Starts[i]);
    }

    /// <summary>The whole file's lines, once every window is known.</summary>
    public LineIndex ToIndex(int length)
    {
        // A window's first start is the one the window before opened last.
        var starts = GC.AllocateUninitializedArray<int>(1 + _pieces.Sum(p => p!.Starts.Length - 1));
        var n = 0;
        for (var w = 0; w < _pieces.Length; w++)
        {
            var own = _pieces[w]!.Starts.AsSpan(w == 0 ? 0 : 1);
            own.CopyTo(starts.AsSpan(n));
            n += own.Length;
        }
        return LineIndex.FromStarts(starts, length) ?? throw new InvalidOperationException("window line starts do not ascend");
    }
}
