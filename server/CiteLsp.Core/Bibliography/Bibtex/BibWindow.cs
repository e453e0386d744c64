namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// What a scanner reads: the characters [<see cref="Base"/>, <see cref="Length"/>) of a file's text, indexed by their
/// place in the whole text. Usually the whole text (base 0); a huge library is scanned a window at a time
/// (<see cref="BibWindows"/>), and its positions stay those of the file all the same.
/// </summary>
internal readonly struct BibWindow(string text, int @base, int length)
{
    private readonly string _text = text;

    public int Base { get; } = @base;

    /// <summary>Where the window ends in the whole text: the scanner's end of the text.</summary>
    public int Length { get; } = length;

    public char this[int i] => _text[i - Base];

    public ReadOnlySpan<char> AsSpan(int start) => _text.AsSpan(start - Base, Length - start);

    public ReadOnlySpan<char> AsSpan(int start, int length) => _text.AsSpan(start - Base, length);

    public string Substring(int start, int length) => _text.Substring(start - Base, length);

    /// <summary>For ranges (<c>window[a..b]</c>).</summary>
    public string Slice(int start, int length) => Substring(start, length);

    public static implicit operator BibWindow(string text) => new(text, 0, text.Length);
}
