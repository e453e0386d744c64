namespace CiteLsp.Core.Search;

/// <summary>A sparse entry → score map over dense arrays (cleared in O(1) by bumping a stamp), reused across queries.</summary>
internal sealed class ScoreMap(int size)
{
    private readonly float[] _value = new float[size];
    private readonly int[] _stamp = new int[size];
    private int _now = 1;

    public int Size => _value.Length;
    /// <summary>Entries present, in insertion order.</summary>
    public List<int> Ids { get; } = [];

    public bool Contains(int entry) => _stamp[entry] == _now;

    public float this[int entry] => _stamp[entry] == _now ? _value[entry] : 0;

    /// <summary>Keeps the higher of the stored and the new score.</summary>
    public void Max(int entry, float score)
    {
        if (_stamp[entry] != _now) { _stamp[entry] = _now; _value[entry] = score; Ids.Add(entry); }
        else if (score > _value[entry]) _value[entry] = score;
    }

    /// <summary>Overwrites the score of an entry already present.</summary>
    public void Replace(int entry, float score) => _value[entry] = score;

    public void Clear()
    {
        Ids.Clear();
        if (++_now != int.MaxValue) return;
        Array.Clear(_stamp);
        _now = 1;
    }
}
