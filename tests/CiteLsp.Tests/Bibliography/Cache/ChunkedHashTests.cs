using System.IO.Hashing;
using CiteLsp.Core.Bibliography.Cache;

namespace CiteLsp.Tests.Bibliography.Cache;

/// <summary>The hash of a library's content and of a cache payload: 4 MB chunks, however the reads split.</summary>
public class ChunkedHashTests
{
    private const int Chunk = 4 << 20;

    /// <summary>A stream that hands out at most 1000 bytes per read, as a pipe or a slow disk may.</summary>
    private sealed class Trickle(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1000)]);
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1000));
    }

    private static byte[] Bytes(int length) => Enumerable.Range(0, length).Select(i => (byte)(i * 7 + i / 251)).ToArray();

    /// <summary>The definition: the XxHash3 of the chunks' XxHash3s, in order.</summary>
    private static ulong Expected(ReadOnlySpan<byte> bytes)
    {
        var hashes = new List<ulong>();
        for (var at = 0; at < bytes.Length; at += Chunk) hashes.Add(XxHash3.HashToUInt64(bytes[at..Math.Min(bytes.Length, at + Chunk)]));
        return XxHash3.HashToUInt64(System.Runtime.InteropServices.MemoryMarshal.AsBytes(hashes.ToArray().AsSpan()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(17)]
    [InlineData(Chunk)]
    [InlineData(Chunk + 1)]
    [InlineData(2 * Chunk + 123)]
    public void Chunks_are_whole_however_the_reads_split(int length)
    {
        var bytes = Bytes(length);
        Assert.Equal((Expected(bytes), (long)length), ChunkedHash.Of(new MemoryStream(bytes)));
        Assert.Equal((Expected(bytes), (long)length), ChunkedHash.Of(new Trickle(bytes)));
    }

    [Fact]
    public void A_length_stops_the_read_there_and_a_short_stream_says_how_much_it_had()
    {
        var bytes = Bytes(Chunk + 5000);
        var stream = new Trickle(bytes);
        Assert.Equal((Expected(bytes.AsSpan(0, Chunk + 10)), (long)Chunk + 10), ChunkedHash.Of(stream, Chunk + 10));
        Assert.Equal(Chunk + 10, stream.Position);
        Assert.Equal(4990, ChunkedHash.Of(stream, 1 << 30).Read);
    }

    [Fact]
    public void A_changed_byte_in_a_later_chunk_changes_the_hash()
    {
        var bytes = Bytes(Chunk + 100);
        var before = ChunkedHash.Of(new MemoryStream(bytes)).Hash;
        bytes[Chunk + 50] ^= 1;
        Assert.NotEqual(before, ChunkedHash.Of(new MemoryStream(bytes)).Hash);
    }
}
