namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// Two bits per key hash (case-insensitive, as keys compare): a key with either bit clear is certainly not there. A
/// scan joined from many windows looks each window's keys up in every window's map before it; nearly all are new, and
/// the filter answers for them at once (a million keys in 17 windows: 1.6 s of lookups on one core). Each key it lets
/// through costs a lookup in every map: with one bit in 2 MB, one key in 16 did at 1M (0.46 s at 35 windows).
/// </summary>
internal sealed class KeyFilter
{
    private const int Shift = 7; // 2^25 bits, 4 MB: one new key in 300 is looked up for nothing at a million keys
    private readonly ulong[] _bits = new ulong[1 << (25 - 6)];

    public void Add(uint hash)
    {
        var (a, b) = Bits(hash);
        _bits[a >> 6] |= 1UL << (int)(a & 63);
        _bits[b >> 6] |= 1UL << (int)(b & 63);
    }

    public bool MayContain(uint hash)
    {
        var (a, b) = Bits(hash);
        return (_bits[a >> 6] & (1UL << (int)(a & 63))) != 0 && (_bits[b >> 6] & (1UL << (int)(b & 63))) != 0;
    }

    /// <summary>A key's hash, made once on any core, then tested and set.</summary>
    public static uint Hash(string key) => (uint)StringComparer.OrdinalIgnoreCase.GetHashCode(key);

    private static (uint, uint) Bits(uint hash) => (hash >> Shift, (hash * 0x9E3779B1u) >> Shift);
}
