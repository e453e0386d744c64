using System.Text;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Text;

/// <summary>
/// Where the characters of a decoded file lie in its bytes: a checkpoint every few thousand characters, so a slice of
/// the text can be read back from the file when asked instead of keeping the whole text (1.2 GB for a 600 MB library).
/// </summary>
public sealed class ByteOffsets
{
    private const int Stride = 4096;
    private readonly int[] _chars;
    private readonly long[] _bytes;
    private readonly Encoding _encoding;

    private ByteOffsets(Encoding encoding, int[] chars, long[] bytes) => (_encoding, _chars, _bytes) = (encoding, chars, bytes);

    /// <param name="preamble">Bytes before the first character (a byte-order mark).</param>
    public static ByteOffsets Of(string text, Encoding encoding, int preamble)
    {
        var chars = new List<int> { 0 };
        for (var at = 0; at < text.Length;)
        {
            var to = Math.Min(text.Length, at + Stride);
            if (to < text.Length && char.IsHighSurrogate(text[to - 1])) to++; // never between the halves of a pair
            chars.Add(at = to);
        }
        // Each stride's byte count on all cores (a 600 MB library has 300k strides), then summed up.
        var bytes = new long[chars.Count];
        bytes[0] = preamble;
        Cores.Parts(chars.Count - 1, (from, to) =>
        {
            for (var i = from; i < to; i++) bytes[i + 1] = encoding.GetByteCount(text.AsSpan(chars[i], chars[i + 1] - chars[i]));
        });
        for (var i = 1; i < bytes.Length; i++) bytes[i] += bytes[i - 1];
        return new ByteOffsets(encoding, [.. chars], bytes);
    }

    /// <summary>
    /// The characters [start, start + length) read from the file; null when the file no longer holds that many
    /// (it changed since it was decoded).
    /// </summary>
    public string? Read(string path, int start, int length)
    {
        try
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            return Read(handle, start, length);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
    }

    /// <summary><see cref="Read(string, int, int)"/> through a handle already open (many reads in a row).</summary>
    internal string? Read(Microsoft.Win32.SafeHandles.SafeFileHandle handle, int start, int length)
    {
        var i = Array.BinarySearch(_chars, start);
        if (i < 0) i = ~i - 1;
        var skip = start - _chars[i];
        var buffer = new byte[_encoding.GetMaxByteCount(skip + length)];
        var read = RandomAccess.Read(handle, buffer, _bytes[i]);
        var text = _encoding.GetString(buffer, 0, read);
        return text.Length >= skip + length ? text.Substring(skip, length) : null;
    }

    /// <summary>The checkpoints, for the warm-start cache.</summary>
    internal (int CodePage, int[] Chars, long[] Bytes) Parts => (_encoding.CodePage, _chars, _bytes);

    /// <summary>From stored checkpoints (the warm-start cache); null when they do not ascend from 0.</summary>
    internal static ByteOffsets? FromParts(int codePage, int[] chars, long[] bytes)
    {
        if (chars.Length == 0 || chars.Length != bytes.Length || chars[0] != 0 || bytes[0] < 0) return null;
        for (var i = 1; i < chars.Length; i++)
            if (chars[i] <= chars[i - 1] || bytes[i] < bytes[i - 1]) return null;
        Encoding? encoding = codePage switch
        {
            65001 => new UTF8Encoding(false),
            1200 => Encoding.Unicode,
            1201 => Encoding.BigEndianUnicode,
            28591 => Encoding.Latin1,
            _ => null,
        };
        return encoding is null ? null : new ByteOffsets(encoding, chars, bytes);
    }
}
