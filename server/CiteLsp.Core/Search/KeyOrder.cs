namespace CiteLsp.Core.Search;

/// <summary>A folded key and its entry, in ordinal order of the key (ties by entry): a sort compares the packed
/// prefix, and reads the strings only when the first nine characters agree.</summary>
internal readonly struct KeyOrder(string folded, int id) : IComparable<KeyOrder>
{
    /// <summary>The first nine characters, seven bits each, in ordinal order: one past ASCII (0x7F) stands for any other
    /// character and ends the prefix (what follows is for the string compare); 0 pads a shorter key, which sorts first.</summary>
    private readonly ulong _prefix = Pack(folded);

    public string Folded { get; } = folded;
    public int Id { get; } = id;

    public int CompareTo(KeyOrder other) =>
        _prefix != other._prefix ? _prefix.CompareTo(other._prefix)
        : string.CompareOrdinal(Folded, other.Folded) is var c and not 0 ? c : Id.CompareTo(other.Id);

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
