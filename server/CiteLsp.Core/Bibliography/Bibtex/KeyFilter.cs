namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// One bit per key hash (case-insensitive, as keys compare): a key whose bit is clear is certainly not there. A scan
/// joined from many windows looks each window's keys up in every window's map before it; nearly all are new, and the
/// filter answers for them at once (a million keys in 17 windows: 1.5 s of lookups on one core).
/// </summary>
internal sealed class KeyFilter
{
    private const int Bits = 1 << 24; // 2 MB: at a million keys, one new key in 16 is looked up for nothing
    private readonly ulong[] _bits = new ulong[Bits / 64];

    public void Add(uint hash) => _bits[hash >> 6] |= 1UL << (int)(hash & 63);

    public bool MayContain(uint hash) => (_bits[hash >> 6] & (1UL << (int)(hash & 63))) != 0;

    /// <summary>Where a key's bit is: hashed once, on any core, then tested and set.</summary>
    public static uint Hash(string key) => (uint)StringComparer.OrdinalIgnoreCase.GetHashCode(key) & (Bits - 1);
}
