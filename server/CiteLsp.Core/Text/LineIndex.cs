using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Text;

/// <summary>Maps UTF-16 offsets to 0-based line and column and back. Lines end at \n, \r\n or \r.</summary>
public sealed class LineIndex : ILinePositions
{
    /// <summary>The line starts: the first <see cref="LineCount"/> of this array (a file read a window at a time wrote
    /// them into room made for a few more, <see cref="Bibliography.Bibtex.WindowLines"/>).</summary>
    private readonly int[] _lineStarts;
    public int TextLength { get; }
    public int LineCount { get; }

    public LineIndex(string text) : this(text, text.Length < ParallelFrom ? 1 : Cores.Count) { }

    /// <param name="parts">A big text is searched in this many parts at once (tests ask for more than there are cores).</param>
    internal LineIndex(string text, int parts)
    {
        // Parts are not cut inside a CRLF. Each part's starts go into room for a line per 16 characters, left
        // unwritten (no page is touched but those written to), then together: one read of a text of a gigabyte, not two.
        TextLength = text.Length;
        parts = Math.Max(1, parts);
        var cuts = new int[parts + 1];
        cuts[parts] = text.Length;
        for (var p = 1; p < parts; p++)
        {
            var at = Math.Max(cuts[p - 1], (int)((long)text.Length * p / parts));
            while (at > 0 && at < text.Length && text[at - 1] == '\r') at++;
            cuts[p] = at;
        }
        var found = new int[parts][];
        var into = Cores.Starts(parts, p =>
        {
            var room = GC.AllocateUninitializedArray<int>((cuts[p + 1] - cuts[p]) / 16 + 16);
            var count = StartsOpened(text, cuts[p], cuts[p + 1], room);
            if (count > room.Length) StartsOpened(text, cuts[p], cuts[p + 1], room = new int[count]); // a line per few characters
            found[p] = room;
            return count;
        });
        var starts = _lineStarts = GC.AllocateUninitializedArray<int>(1 + (int)into[parts]);
        LineCount = starts.Length;
        starts[0] = 0;
        Cores.Each(parts, p => found[p].AsSpan(0, (int)(into[p + 1] - into[p])).CopyTo(starts.AsSpan(1 + (int)into[p])));
    }

    private const int ParallelFrom = 4 << 20;

    /// <summary>
    /// Counts the line starts opened by the line breaks that begin in [from, to) and writes them into
    /// <paramref name="into"/> as far as it reaches. A CRLF is one break.
    /// </summary>
    internal static int StartsOpened(ReadOnlySpan<char> text, int from, int to, Span<int> into)
    {
        var n = 0;
        var i = from;
        var lf = -1; // the LF of a CRLF already counted at its CR
        if (Vector256.IsHardwareAccelerated)
        {
            // 16 characters at a time, then the breaks among them one by one (lines are ~50 characters long: a search
            // started at every break cost more than the search itself).
            ref var chars = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(text));
            var (cr, nl) = (Vector256.Create((ushort)'\r'), Vector256.Create((ushort)'\n'));
            for (; i + Vector256<ushort>.Count <= to; i += Vector256<ushort>.Count)
            {
                var block = Vector256.LoadUnsafe(ref chars, (nuint)i);
                for (var breaks = (Vector256.Equals(block, cr) | Vector256.Equals(block, nl)).ExtractMostSignificantBits(); breaks != 0; breaks &= breaks - 1)
                    Opened(text, i + BitOperations.TrailingZeroCount(breaks), into, ref n, ref lf);
            }
        }
        for (; i < to; i++)
        {
            var k = text[i..to].IndexOfAny('\r', '\n');
            if (k < 0) break;
            i += k;
            Opened(text, i, into, ref n, ref lf);
        }
        return n;
    }

    /// <summary>The break at <paramref name="at"/> (a CR or LF) opens a line, unless it is the LF of a CRLF.</summary>
    private static void Opened(ReadOnlySpan<char> text, int at, Span<int> into, ref int n, ref int lf)
    {
        if (at == lf) return;
        if (text[at] == '\r' && at + 1 < text.Length && text[at + 1] == '\n') lf = ++at;
        if (n < into.Length) into[n] = at + 1;
        n++;
    }

    /// <summary>From stored line starts (the warm-start cache), the first <paramref name="count"/> of
    /// <paramref name="starts"/> (all of them by default); they must ascend from 0 and stay within the text.</summary>
    internal static LineIndex? FromStarts(int[] starts, int length, int count = -1)
    {
        if (count < 0) count = starts.Length;
        if (count == 0 || count > starts.Length || starts[0] != 0 || length < 0) return null;
        for (var i = 1; i < count; i++) if (starts[i] < starts[i - 1] || starts[i] > length) return null;
        return new LineIndex(starts, count, length);
    }

    /// <summary>The line starts, for the warm-start cache.</summary>
    internal ReadOnlySpan<int> Starts => _lineStarts.AsSpan(0, LineCount);

    private LineIndex(int[] starts, int count, int length)
    {
        _lineStarts = starts;
        LineCount = count;
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
        var first = old.Starts.BinarySearch(from + 1);
        first = first < 0 ? ~first : first;                        // old starts <= from are kept
        var middle = StartsOpened(text, from, to, default);
        var tail = old.LineCount;
        while (tail > 1 && BreakBefore(oldText, old._lineStarts[tail - 1]) >= to - delta) tail--;
        var result = new int[first + middle + old.LineCount - tail];
        Array.Copy(old._lineStarts, result, first);
        StartsOpened(text, from, to, result.AsSpan(first, middle));
        for (var k = tail; k < old.LineCount; k++) result[first + middle + k - tail] = old._lineStarts[k] + delta;
        return new LineIndex(result, result.Length, text.Length);
    }

    /// <summary>Where the line break that ends just before a line start begins (a CRLF counts from its CR).</summary>
    private static int BreakBefore(string text, int start) =>
        start >= 2 && text[start - 1] == '\n' && text[start - 2] == '\r' ? start - 2 : start - 1;

    public int LineStart(int line) => _lineStarts[Math.Clamp(line, 0, LineCount - 1)];

    /// <summary>0-based line and UTF-16 column of an offset (clamped to the text).</summary>
    public (int Line, int Column) GetPosition(int offset)
    {
        offset = Math.Clamp(offset, 0, TextLength);
        var line = Starts.BinarySearch(offset);
        if (line < 0) line = ~line - 1;
        return (line, offset - _lineStarts[line]);
    }

    /// <summary>Offset of a 0-based line and UTF-16 column; columns past the line end clamp to it.</summary>
    public int GetOffset(int line, int column)
    {
        if (line < 0) return 0;
        if (line >= LineCount) return TextLength;
        var start = _lineStarts[line];
        var end = line + 1 < LineCount ? _lineStarts[line + 1] : TextLength;
        return Math.Min(start + Math.Max(column, 0), end);
    }
}
