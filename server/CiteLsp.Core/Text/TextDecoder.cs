using System.Text;

namespace CiteLsp.Core.Text;

/// <summary>
/// Decodes file bytes the way editors do: a BOM decides (UTF-8, UTF-16); otherwise strict UTF-8, falling back to
/// Latin-1 (every byte maps to a character, so nothing is lost) when the bytes are not valid UTF-8.
/// </summary>
public static class TextDecoder
{
    public enum Outcome { Utf8, Utf16, Latin1Fallback, Binary }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string Text, Outcome Outcome) Decode(byte[] bytes)
    {
        var span = bytes.AsSpan();
        if (span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) return Utf8OrLatin1(span[3..]);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode.GetString(span[2..]), Outcome.Utf16);
        if (span.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode.GetString(span[2..]), Outcome.Utf16);
        if (LooksBinary(span)) return ("", Outcome.Binary);
        return Utf8OrLatin1(span);
    }

    /// <summary>The encoding and byte-order mark of a file that this decoder read with this outcome.</summary>
    public static (Encoding Encoding, int Preamble) EncodingOf(ReadOnlySpan<byte> head, Outcome outcome)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE])) return (Encoding.Unicode, 2);
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])) return (Encoding.BigEndianUnicode, 2);
        var bom = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        return (outcome == Outcome.Latin1Fallback ? Encoding.Latin1 : new UTF8Encoding(false), bom);
    }

    /// <summary>
    /// More than 1% NUL bytes, or more than 5% other control bytes (random or compressed data has about 12%), in
    /// the first 64 KB: not a text file.
    /// </summary>
    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 64 * 1024)];
        var nuls = head.Count((byte)0);
        if (nuls > 0 && nuls * 100 >= head.Length) return true;
        var controls = 0;
        foreach (var b in head)
            if (b is < 0x20 and not ((byte)'\t' or (byte)'\n' or (byte)'\f' or (byte)'\r') or 0x7F) controls++;
        return controls * 20 > head.Length;
    }

    /// <summary>Files up to this size are read at once; bigger ones are decoded in two streaming passes.</summary>
    private const long InMemoryLimit = 256L << 20;

    /// <summary>
    /// Decodes a file. Up to <see cref="InMemoryLimit"/> (and UTF-16 files) through <see cref="Decode"/>; a bigger one in
    /// two streaming passes (count and validate, then decode straight into the string), so its bytes and its text are
    /// never in memory at once.
    /// </summary>
    public static (string Text, Outcome Outcome) DecodeFile(string path)
    {
        const int Chunk = 1 << 16;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, Chunk, FileOptions.SequentialScan);
        var buffer = new byte[Chunk];
        var head = buffer.AsSpan(0, stream.ReadAtLeast(buffer, Chunk, throwOnEndOfStream: false));
        // One read and one vectorized decode beat the two streamed passes (about 2x on a 60 MB file).
        if (stream.Length <= InMemoryLimit || head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Decode(File.ReadAllBytes(path));
        if (LooksBinary(head)) return ("", Outcome.Binary);
        var skip = head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;

        Encoding encoding = StrictUtf8;
        long chars;
        try { chars = Count(stream, buffer, skip, StrictUtf8.GetDecoder()); }
        catch (DecoderFallbackException) { encoding = Encoding.Latin1; chars = stream.Length - skip; }
        if (chars > int.MaxValue / 2) throw new IOException("file too large to decode");
        var text = string.Create((int)chars, (stream, buffer, skip, encoding), static (dest, st) =>
        {
            st.stream.Position = st.skip;
            var decoder = st.encoding.GetDecoder();
            int read, written = 0;
            while ((read = st.stream.Read(st.buffer)) > 0)
                written += decoder.GetChars(st.buffer.AsSpan(0, read), dest[written..], flush: false);
            decoder.GetChars([], dest[written..], flush: true);
        });
        return (text, encoding == StrictUtf8 ? Outcome.Utf8 : Outcome.Latin1Fallback);
    }

    private static long Count(FileStream stream, byte[] buffer, int skip, Decoder decoder)
    {
        stream.Position = skip;
        long chars = 0;
        int read;
        // GetChars, not GetCharCount: only GetChars carries a character cut by the chunk boundary over to the next chunk
        // (GetCharCount leaves the decoder's state alone, so such a character looked invalid and the file was read as Latin-1).
        var scratch = new char[buffer.Length + 2];
        while ((read = stream.Read(buffer)) > 0) chars += decoder.GetChars(buffer.AsSpan(0, read), scratch, flush: false);
        return chars + decoder.GetChars([], scratch, flush: true);
    }

    private static (string, Outcome) Utf8OrLatin1(ReadOnlySpan<byte> bytes)
    {
        try { return (bytes.Length >= ParallelFrom ? DecodeHalves(bytes) : StrictUtf8.GetString(bytes), Outcome.Utf8); }
        catch (DecoderFallbackException) { return (Encoding.Latin1.GetString(bytes), Outcome.Latin1Fallback); }
    }

    private const int ParallelFrom = 4 << 20;

    /// <summary>A big file decoded as two halves on two threads (reloading a 60 MB library: ~70 → ~40 ms).</summary>
    private static unsafe string DecodeHalves(ReadOnlySpan<byte> bytes)
    {
        var cut = bytes.Length / 2;
        while (cut < bytes.Length && (bytes[cut] & 0xC0) == 0x80) cut++; // not inside a character
        fixed (byte* p = bytes)
        {
            var (start, length, middle) = ((IntPtr)p, bytes.Length, cut);
            var counts = new int[2];
            Parallel.For(0, 2, h => counts[h] = StrictUtf8.GetCharCount(Half((byte*)start, length, middle, h)));
            return string.Create(counts[0] + counts[1], (start, length, middle, counts[0]), static (dest, s) =>
            {
                fixed (char* d = dest)
                {
                    var (dp, total) = ((IntPtr)d, dest.Length);
                    Parallel.For(0, 2, h =>
                    {
                        var target = new Span<char>((char*)dp, total);
                        StrictUtf8.GetChars(Half((byte*)s.start, s.length, s.middle, h), h == 0 ? target[..s.Item4] : target[s.Item4..]);
                    });
                }
            });
        }
    }

    private static unsafe ReadOnlySpan<byte> Half(byte* start, int length, int middle, int half) =>
        half == 0 ? new ReadOnlySpan<byte>(start, middle) : new ReadOnlySpan<byte>(start + middle, length - middle);
}
