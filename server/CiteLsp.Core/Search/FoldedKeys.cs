namespace CiteLsp.Core.Search;

/// <summary>
/// The key table's folded keys, in order, as one character blob and where each starts: a million keys are two arrays
/// the GC never looks into, not a million strings it traces after every load (and the cache stores them this way).
/// Or (<see cref="Inserted"/>) a few keys placed among another table's without copying it: a library's view with the
/// seeds added, which otherwise copied 37 MB of a million keys' characters and offsets.
/// </summary>
internal sealed class FoldedKeys : ISortedSpans
{
    private readonly FoldedKeys? _many;
    private readonly string[]? _few;
    /// <summary>Where each of <see cref="_few"/> sits among all the keys, ascending.</summary>
    private readonly int[]? _at;

    /// <param name="starts">Count + 1 ascending offsets into <paramref name="chars"/>, from 0 to its length.</param>
    public FoldedKeys(char[] chars, int[] starts)
    {
        if (starts.Length == 0 || starts[0] != 0 || starts[^1] != chars.Length) throw new ArgumentException("offsets do not span the characters");
        for (var i = 1; i < starts.Length; i++)
            if (starts[i] < starts[i - 1]) throw new ArgumentException("offsets go back");
        (Chars, Starts) = (chars, starts);
    }

    private FoldedKeys(FoldedKeys many, string[] few, int[] at) => (Chars, Starts, _many, _few, _at) = ([], [], many, few, at);

    /// <summary><paramref name="many"/>'s keys with <paramref name="few"/> (sorted) placed at the ascending indices
    /// <paramref name="at"/> of the result.</summary>
    public static FoldedKeys Inserted(FoldedKeys many, string[] few, int[] at)
    {
        if (many._many is not null) throw new ArgumentException("insert into a flat table", nameof(many));
        if (few.Length != at.Length) throw new ArgumentException("one place per key", nameof(at));
        return new FoldedKeys(many, few, at);
    }

    /// <summary>Whether the keys sit in <see cref="Chars"/> (else see <see cref="Flat"/>).</summary>
    public bool IsFlat => _many is null;
    /// <summary>The characters of the keys, one after another (empty when not <see cref="IsFlat"/>).</summary>
    public char[] Chars { get; }
    /// <summary>Count + 1 ascending offsets into <see cref="Chars"/> (empty when not <see cref="IsFlat"/>).</summary>
    public int[] Starts { get; }
    public int Count => _many is null ? Starts.Length - 1 : _many.Count + _few!.Length;
    public ReadOnlySpan<char> this[int i] => _many is null ? Chars.AsSpan(Starts[i], Starts[i + 1] - Starts[i]) : Layered(i);

    private ReadOnlySpan<char> Layered(int i)
    {
        var k = Array.BinarySearch(_at!, i);
        return k >= 0 ? _few![k] : _many![i - ~k]; // ~k: how many of the few come before i
    }

    /// <summary>These keys in one blob (for the cache file).</summary>
    public FoldedKeys Flat()
    {
        if (_many is null) return this;
        var builder = new Builder(Count, _many.Chars.Length + _few!.Sum(k => k.Length));
        for (var i = 0; i < Count; i++) builder.Add(this[i]);
        return builder.Build();
    }

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
