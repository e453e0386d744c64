using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// The lines of a file parsed a window at a time (<see cref="BibWindows"/>), known window by window: each window's
/// scan asks for positions in its own window, the joins for positions in windows done before. All windows' line starts
/// are written into one array, which becomes the file's <see cref="LineIndex"/> as it is (at 1M entries, 44 MB not
/// copied from one array per window). An index in that array is a line number.
/// </summary>
internal sealed class WindowLines : ILinePositions
{
    /// <summary>Window w's first line is <c>_first[w]</c>, starting at its first character <c>_start[w]</c> (int.MaxValue
    /// until the window is set); the <c>_count[w]</c> starts its line breaks open follow. A window writes only those: its
    /// first line's start is the last one the window before opened, written by that window's core, maybe not yet.</summary>
    private int[] _starts = [0];
    private readonly int[] _first, _count, _start;

    public WindowLines(int windows)
    {
        (_first, _count, _start) = (new int[windows], new int[windows], new int[windows]);
        Array.Fill(_start, int.MaxValue);
    }

    /// <summary>Room for the first <paramref name="lines"/> starts, made <paramref name="expected"/> big when it is more.
    /// Only between rounds of windows: a scan reads the array meanwhile.</summary>
    public void Reserve(int lines, int expected)
    {
        if (lines <= _starts.Length) return;
        var bigger = GC.AllocateUninitializedArray<int>(Math.Max(lines, Math.Max(expected, _starts.Length + _starts.Length / 2)));
        _starts.CopyTo(bigger, 0);
        _starts = bigger;
    }

    /// <summary>Where the starts of lines <paramref name="firstLine"/> + 1 … + <paramref name="breaks"/> go: those a
    /// window's line breaks open, the window's first line being <paramref name="firstLine"/>.</summary>
    public Span<int> Room(int firstLine, int breaks) => _starts.AsSpan(firstLine + 1, breaks);

    /// <summary>Window <paramref name="window"/>'s starts are written (not before: the other core's scan looks at the
    /// windows that are set).</summary>
    public void Set(int window, int firstLine, int breaks, int start) =>
        (_first[window], _count[window], _start[window]) = (firstLine, breaks, start);

    public (int Line, int Column) GetPosition(int offset)
    {
        var w = _start.Length - 1;
        while (w > 0 && _start[w] > offset) w--;
        var opened = _starts.AsSpan(_first[w] + 1, _count[w]);
        var i = opened.BinarySearch(offset);
        if (i < 0) i = ~i - 1; // the last line starting before the offset; -1: the window's first line
        return i < 0 ? (_first[w], offset - _start[w]) : (_first[w] + 1 + i, offset - opened[i]);
    }

    /// <summary>The whole file's lines, once every window is known; null if they do not ascend (the caller then parses
    /// the file whole).</summary>
    public LineIndex? ToIndex(int length) => LineIndex.FromStarts(_starts, length, _first[^1] + 1 + _count[^1]);
}
