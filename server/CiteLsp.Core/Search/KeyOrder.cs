namespace CiteLsp.Core.Search;

/// <summary>A folded key's packed prefix and its entry, in order of the prefix, then of the entry: the first nine
/// characters decide most of a sort of keys on two integers. Keys whose prefixes are equal are ordered by the whole key
/// afterwards (<see cref="SearchIndexBuilder.BuildKeys"/>): 16 bytes an item, not 24 with the string (1M keys: 16 MB
/// less for the sort and its merge).</summary>
internal readonly struct KeyOrder(string folded, int id) : IComparable<KeyOrder>
{
    /// <summary>The first nine characters, seven bits each, in ordinal order: one past ASCII (0x7F) stands for any other
    /// character and ends the prefix (what follows is for the string compare); 0 pads a shorter key, which sorts first.</summary>
    public ulong Prefix { get; } = Pack(folded);

    public int Id { get; } = id;

    public int CompareTo(KeyOrder other) => Prefix != other.Prefix ? Prefix.CompareTo(other.Prefix) : Id.CompareTo(other.Id);

    private static ulong Pack(string s)
    {
        ulong packed = 0;
        var n = Math.Min(9, s.Length);
        int i;
        for (i = 0; i < n; i++)
        {
            var c = s[i];
            // '\0' is never in a folded key (only letters and digits), so 0 can pad.
            packed = packed << 7 | (c < 0x7F ? c : 0x7FUL);
            if (c >= 0x7F) { i++; break; }
        }
        return packed << 7 * (9 - i);
    }
}
