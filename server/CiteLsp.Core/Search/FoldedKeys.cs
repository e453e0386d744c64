namespace CiteLsp.Core.Search;

/// <summary>
/// The key table's folded keys, in order, as one character blob and where each starts: a million keys are two arrays
/// the GC never looks into, not a million strings it traces after every load (and the cache stores them this way).
/// </summary>
internal sealed class FoldedKeys : ISortedSpans
{
    /// <param name="starts">Count + 1 ascending offsets into <paramref name="chars"/>, from 0 to its length.</param>
    public FoldedKeys(char[] chars, int[] starts)
    {
        if (starts.Length == 0 || starts[0] != 0 || starts[^1] != chars.Length) throw new ArgumentException("offsets do not span the characters");
        for (var i = 1; i < starts.Length; i++)
            if (starts[i] < starts[i - 1]) throw new ArgumentException("offsets go back");
        (Chars, Starts) = (chars, starts);
    }

    public char[] Chars { get; }
    public int[] Starts { get; }
    public int Count => Starts.Length - 1;
    public ReadOnlySpan<char> this[int i] => Chars.AsSpan(Starts[i], Starts[i + 1] - Starts[i]);

    /// <summary>Appends keys in order; the characters' room grows if <c>chars</c> was too small a guess.</summary>
    public sealed class Builder(int count, int chars)
    {
        private char[] _chars = new char[chars];
        private readonly int[] _starts = new int[count + 1];
        private int _count;

        public ReadOnlySpan<char> Last => _chars.AsSpan(_starts[_count - 1], _starts[_count] - _starts[_count - 1]);

        public void Add(ReadOnlySpan<char> key)
        {
            var at = _starts[_count];
            if (at + key.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(2 * _chars.Length, at + key.Length));
            key.CopyTo(_chars.AsSpan(at));
            _starts[++_count] = at + key.Length;
        }

        public FoldedKeys Build()
        {
            if (_count != _starts.Length - 1) throw new InvalidOperationException($"{_count} of {_starts.Length - 1} keys added");
            if (_chars.Length != _starts[_count]) Array.Resize(ref _chars, _starts[_count]);
            return new FoldedKeys(_chars, _starts);
        }
    }
}
