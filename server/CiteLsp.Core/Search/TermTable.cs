namespace CiteLsp.Core.Search;

/// <summary>Term → local id for a <see cref="ForwardPass"/>: open addressing over (hash, id) pairs, the terms' characters
/// in one pool. A lookup reads two small arrays, where a Dictionary keyed by string reads three (bucket, entry, string),
/// and compares inline: this lookup runs for every word of every entry.</summary>
internal sealed class TermTable
{
    private (int Hash, int Id)[] _slots = new (int, int)[1 << 12];
    private int _mask = (1 << 12) - 1;
    private char[] _pool = new char[1 << 14];
    /// <summary>Term id's characters at [Starts[id], Starts[id + 1]) of the pool.</summary>
    private int[] _starts = new int[1 << 11];

    public int Count { get; private set; }

    /// <summary>The id of <paramref name="term"/>, added as id <see cref="Count"/> - 1 when new (then <paramref name="added"/>).</summary>
    public int GetOrAdd(ReadOnlySpan<char> term, out bool added)
    {
        var hash = Hash(term);
        for (var i = hash & _mask; ; i = (i + 1) & _mask)
        {
            var (h, id) = _slots[i];
            if (id == 0) break;
            if (h == hash && _pool.AsSpan(_starts[id - 1], _starts[id] - _starts[id - 1]).SequenceEqual(term)) { added = false; return id - 1; }
        }
        added = true;
        return Add(term, hash);
    }

    private int Add(ReadOnlySpan<char> term, int hash)
    {
        var id = Count++;
        if (id + 2 > _starts.Length) Array.Resize(ref _starts, _starts.Length * 2);
        var start = _starts[id];
        if (start + term.Length > _pool.Length) Array.Resize(ref _pool, Math.Max(_pool.Length * 2, start + term.Length));
        term.CopyTo(_pool.AsSpan(start));
        _starts[id + 1] = start + term.Length;
        if (Count * 2 > _slots.Length) Grow();
        Place(hash, id);
        return id;
    }

    private void Place(int hash, int id)
    {
        var i = hash & _mask;
        while (_slots[i].Id != 0) i = (i + 1) & _mask;
        _slots[i] = (hash, id + 1);
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new (int, int)[old.Length * 2];
        _mask = _slots.Length - 1;
        foreach (var (hash, id) in old) if (id != 0) Place(hash, id - 1);
    }

    /// <summary>FNV-1a over the characters, its high bits folded down (the table indexes with the low ones).</summary>
    internal static int Hash(ReadOnlySpan<char> s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619u;
        return (int)(h ^ h >> 15);
    }
}
