using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>
/// The XxHash3 of the XxHash3s of a stream's 4 MB chunks: what a cache key keeps of a library's content, and what a cache
/// file keeps of its payload. Read through one buffer, so hashing a big file touches no memory but that; and one-shot
/// hashing of big chunks runs optimized code at once, where XxHash3's streaming Append stays in unoptimized start-up code
/// (59 MB: 23 ms, not 60).
/// </summary>
internal static class ChunkedHash
{
    private const int Chunk = 4 << 20;

    /// <summary>The hash of the next <paramref name="length"/> bytes (or all to the end), and how many there were.</summary>
    public static (ulong Hash, long Read) Of(Stream stream, long length = long.MaxValue)
    {
        var buffer = GC.AllocateUninitializedArray<byte>((int)Math.Clamp(length, 1, Chunk));
        var chunks = new List<ulong>();
        long read = 0;
        while (read < length)
        {
            // Each chunk is read whole (unless the stream ends), so chunks never depend on how the reads split.
            var want = (int)Math.Min(buffer.Length, length - read);
            var n = stream.ReadAtLeast(buffer.AsSpan(0, want), want, throwOnEndOfStream: false);
            if (n > 0) chunks.Add(XxHash3.HashToUInt64(buffer.AsSpan(0, n)));
            read += n;
            if (n < want) break;
        }
        return (XxHash3.HashToUInt64(MemoryMarshal.AsBytes(CollectionsMarshal.AsSpan(chunks))), read);
    }
}
