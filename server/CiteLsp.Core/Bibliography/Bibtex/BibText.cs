namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// One version of a .bib file's text, which the entries parsed from it read their raw fields and spans from. When a
/// re-parse of the next version re-uses entries unchanged, this version hands over to the next (offsets before the
/// change stay, offsets after it move by the length difference) and drops its text: re-used entries need no copy,
/// and only the newest text stays in memory.
/// </summary>
/// <param name="base">Where <paramref name="text"/> starts in the file's text (a window of a huge file, or one entry's
/// text read back: <see cref="BibWindows"/>); offsets stay the file's.</param>
/// <param name="length">Where the text ends in the file's text (by default at the end of <paramref name="text"/>).</param>
internal sealed class BibText(string text, int @base = 0, int length = -1)
{
    private string? _text = text;

    public int Base { get; } = @base;

    /// <summary>Where this text ends in the file's: the end of the text for the scanner.</summary>
    public int Length { get; } = length < 0 ? @base + text.Length : length;

    /// <summary>What a scanner reads.</summary>
    public BibWindow Window => new(Text, Base, Length);

    /// <summary>The characters [start, start + length) of the file's text, which this version holds.</summary>
    public ReadOnlySpan<char> Slice(int start, int length) => Text.AsSpan(start - Base, length);

    /// <summary>Ends a window whose characters are about to be overwritten: reading it is then an error, not a wrong value.</summary>
    public void Close() => Volatile.Write(ref _text, null);
    private Successor? _next;

    private sealed record Successor(BibText Version, int ChangeStart, int ChangeEnd, int Delta);

    /// <summary>The text; only while no later version took over.</summary>
    public string Text => Volatile.Read(ref _text) ?? throw new InvalidOperationException("a later version of the text took over");

    public bool HandedOver => Volatile.Read(ref _next) is not null;

    /// <summary>
    /// Makes <paramref name="next"/> the text of this version's offsets: [changeStart, changeEnd) of this version was
    /// replaced, and what follows it moved by <paramref name="delta"/>. Once only.
    /// </summary>
    public void HandOver(BibText next, int changeStart, int changeEnd, int delta)
    {
        if (Interlocked.CompareExchange(ref _next, new Successor(next, changeStart, changeEnd, delta), null) is not null)
            throw new InvalidOperationException("this version of the text was already handed over");
        Volatile.Write(ref _text, null); // readers that see no text find the successor (written before)
    }

    /// <summary>
    /// The text that holds [start, start + length) of this version and where it is there; false when a later
    /// version changed that part (an entry replaced since, read through an old snapshot).
    /// </summary>
    public bool TryResolve(ref int start, int length, out string text)
    {
        for (var v = this; ; )
        {
            if (Volatile.Read(ref v._text) is { } t) { text = t; return true; }
            var n = Volatile.Read(ref v._next) ?? throw new InvalidOperationException("this window of the text was closed");
            if (start >= n.ChangeEnd) start += n.Delta;
            else if (start + length > n.ChangeStart) { text = ""; return false; }
            v = n.Version;
        }
    }

    /// <summary>Where an offset of this version is in the newest one (unchanged when that part was replaced since).</summary>
    public int Map(int start, int length)
    {
        var at = start;
        return TryResolve(ref at, length, out _) ? at : start;
    }
}
