namespace CiteLsp.Core.Search;

/// <summary>
/// Reads a <see cref="ForwardPass"/>'s codes in order: each the local term id &lt;&lt; 3 | field. A code's first byte
/// holds the field (3 bits) and the id's low 4 bits, each next byte 7 more bits of the id; a set high bit means another
/// byte follows. Codes sit in chunks of 64 KB, none cut between two: a chunk's last few bytes, too few for the longest
/// code, are skipped.
/// </summary>
internal struct CodeReader(List<byte[]> chunks, int length)
{
    public const int ChunkBits = 16, ChunkMask = (1 << ChunkBits) - 1;
    /// <summary>The last place in a chunk where a code starts: five bytes hold any.</summary>
    public const int LastCodeStart = ChunkMask - 4;
    private int _at, _chunkEnd; // the chunk is looked up when the reader reaches its end
    private byte[] _chunk = [];

    /// <summary>Where the next code starts, or a chunk's skipped tail before it.</summary>
    public readonly int Position => _at;

    public bool Next(out int code)
    {
        if ((_at & ChunkMask) > LastCodeStart) _at = (_at | ChunkMask) + 1;
        if (_at >= length) { code = 0; return false; }
        if (_at >= _chunkEnd) (_chunk, _chunkEnd) = (chunks[_at >> ChunkBits], (_at | ChunkMask) + 1);
        var (chunk, i) = (_chunk, _at & ChunkMask);
        int b = chunk[i++];
        var (field, id, shift) = (b & 7, b >> 3 & 15, 4);
        for (; b > 0x7F; shift += 7) id |= ((b = chunk[i++]) & 0x7F) << shift;
        _at = (_at & ~ChunkMask) + i;
        code = id << 3 | field;
        return true;
    }
}
