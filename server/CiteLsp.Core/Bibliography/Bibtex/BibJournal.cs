namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// One row per top-level command (entry, @string, @comment, stray '@') in file order: where scanning resumed after it,
/// whether it left the scanner recovering from an error, and how many diagnostics and entries existed by then.
/// A re-scan after an edit starts and stops at these rows.
/// </summary>
internal sealed class BibJournal
{
    private int[] _end = new int[64];
    private int[] _diagnostics = new int[64];
    private int[] _entries = new int[64];
    private bool[] _recovering = new bool[64];

    public int Count { get; private set; }

    public int End(int i) => _end[i];
    public bool Recovering(int i) => _recovering[i];
    public int DiagnosticsAfter(int i) => _diagnostics[i];
    public int EntriesAfter(int i) => _entries[i];

    public void Add(int end, bool recovering, int diagnostics, int entries)
    {
        if (Count == _end.Length)
        {
            Array.Resize(ref _end, Count * 2);
            Array.Resize(ref _diagnostics, Count * 2);
            Array.Resize(ref _entries, Count * 2);
            Array.Resize(ref _recovering, Count * 2);
        }
        _end[Count] = end;
        _recovering[Count] = recovering;
        _diagnostics[Count] = diagnostics;
        _entries[Count] = entries;
        Count++;
    }

    /// <summary>Rows [from, to) of <paramref name="other"/>, their ends moved by <paramref name="shift"/> and counts rebased.</summary>
    public void AddRange(BibJournal other, int from, int to, int shift, int diagnosticsShift, int entriesShift)
    {
        for (var i = from; i < to; i++)
            Add(other._end[i] + shift, other._recovering[i], other._diagnostics[i] + diagnosticsShift, other._entries[i] + entriesShift);
    }

    /// <summary>First row whose end is at or after <paramref name="offset"/> (Count if none): ends ascend.</summary>
    public int FirstEndingAtOrAfter(int offset)
    {
        int lo = 0, hi = Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_end[mid] < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
