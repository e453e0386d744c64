namespace CiteLsp.Core.Search;

/// <summary>A sparse entry → score map over dense arrays, reused across queries. Presence is one bit per entry
/// (125 KB for a million entries: stays in cache while a long postings list is checked against it).</summary>
internal sealed class ScoreMap(int size)
{
    private readonly float[] _value = new float[size];
    private readonly ulong[] _present = new ulong[(size + 63) >> 6];

    public int Size => _value.Length;
    /// <summary>Entries present, in insertion order.</summary>
    public List<int> Ids { get; } = [];

    public bool Contains(int entry) => (_present[entry >> 6] & 1UL << entry) != 0;

    public float this[int entry] => Contains(entry) ? _value[entry] : 0;

    /// <summary>Keeps the higher of the stored and the new score.</summary>
    public void Max(int entry, float score)
    {
        ref var word = ref _present[entry >> 6];
        var bit = 1UL << entry;
        if ((word & bit) == 0) { word |= bit; _value[entry] = score; Ids.Add(entry); }
        else if (score > _value[entry]) _value[entry] = score;
    }

    /// <summary>Overwrites the score of an entry already present.</summary>
    public void Replace(int entry, float score) => _value[entry] = score;

    public void Clear()
    {
        // Few entries: clear their bits; many: one pass over the whole (small) bit array is cheaper.
        if (Ids.Count < _present.Length / 8) foreach (var e in Ids) _present[e >> 6] = 0;
        else Array.Clear(_present);
        Ids.Clear();
    }
}
