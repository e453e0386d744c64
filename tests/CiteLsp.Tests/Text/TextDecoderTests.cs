using System.Text;
using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Text;

public class TextDecoderTests
{
    /// <summary>Files are read in 64 KB chunks: a character cut by a chunk boundary once made the whole file "Latin-1".</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_character_cut_by_a_chunk_boundary_is_still_utf8(int before)
    {
        var text = new string('a', (1 << 16) - before) + "‘x’ 😀 é" + new string('b', 100);
        var (decoded, outcome) = DecodeFile(new UTF8Encoding(false).GetBytes(text), inMemoryLimit: 0);
        Assert.Equal(TextDecoder.Outcome.Utf8, outcome);
        Assert.Equal(text, decoded);
    }

    /// <summary>
    /// A big file is decoded in parts at once (one per core), in 1 MB chunks: wherever the cuts and the chunk
    /// boundaries fall (inside a 2-, 3- or 4-byte character, or after a byte-order mark), the text is the one-piece decode's.
    /// </summary>
    [Theory]
    [InlineData(0, false, 2)]
    [InlineData(1, false, 2)]
    [InlineData(2, true, 2)]
    [InlineData(3, false, 3)]
    [InlineData(5, true, 7)]
    [InlineData(1, true, 16)]
    public void A_big_file_decoded_in_parts_is_the_whole_decode(int shift, bool bom, int parts)
    {
        var piece = new StringBuilder();
        for (var i = 0; piece.Length < 1_500_000; i++) piece.Append(i % 7 == 0 ? "é" : i % 11 == 0 ? "‘" : i % 13 == 0 ? "😀" : "ab");
        var text = new string('x', shift) + piece + "Ünïcødé 😀 " + piece;
        var bytes = (bom ? (byte[])[0xEF, 0xBB, 0xBF] : []).Concat(new UTF8Encoding(false).GetBytes(text)).ToArray();
        var (decoded, outcome) = DecodeFile(bytes, inMemoryLimit: 0, parts);
        Assert.Equal(TextDecoder.Outcome.Utf8, outcome);
        Assert.Equal(text, decoded);
    }

    /// <summary>A streamed file is counted in 1 MB chunks, each cut before its last character: a character across a
    /// chunk boundary counts once, and one cut short there is invalid.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void A_character_across_a_streamed_chunk_boundary_counts_once(int before)
    {
        var text = new string('a', (1 << 20) - before) + "😀‘é" + new string('b', 100);
        Assert.Equal((text, TextDecoder.Outcome.Utf8), DecodeFile(new UTF8Encoding(false).GetBytes(text), inMemoryLimit: 0, parts: 1));
        var cut = Encoding.ASCII.GetBytes(new string('a', (1 << 20) - before)).Concat(new byte[] { 0xF0, 0x9F }).Concat(Encoding.ASCII.GetBytes("bc")).ToArray();
        Assert.Equal((Encoding.Latin1.GetString(cut), TextDecoder.Outcome.Latin1Fallback), DecodeFile(cut, inMemoryLimit: 0, parts: 1));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    public void A_big_file_invalid_in_any_part_is_read_as_latin1_whole(int parts)
    {
        foreach (var at in new[] { 10, 1_500_000, 2_500_000 })
        {
            var bytes = Encoding.UTF8.GetBytes(new string('a', 1_000_000) + "é" + new string('b', 2_000_000));
            bytes[at] = 0xFF;
            var (decoded, outcome) = DecodeFile(bytes, inMemoryLimit: 0, parts);
            Assert.Equal(TextDecoder.Outcome.Latin1Fallback, outcome);
            Assert.Equal(Encoding.Latin1.GetString(bytes), decoded);
        }
    }

    /// <summary>A file read at once (up to 256 MB) is decoded in parts too: invalid UTF-8 in any part is Latin-1 whole,
    /// not an error thrown from a worker thread.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(16)]
    public void A_big_file_read_at_once_is_decoded_in_parts(int parts)
    {
        var text = string.Concat(Enumerable.Repeat("ab‘é😀 ", 600_000));
        var bytes = new UTF8Encoding(false).GetBytes(text);
        Assert.Equal((text, TextDecoder.Outcome.Utf8), TextDecoder.Decode(bytes, parts));
        foreach (var at in new[] { 5, bytes.Length / 2, bytes.Length - 2 })
        {
            var broken = (byte[])bytes.Clone();
            broken[at] = 0xFF;
            Assert.Equal((Encoding.Latin1.GetString(broken), TextDecoder.Outcome.Latin1Fallback), TextDecoder.Decode(broken, parts));
        }
    }

    private static (string, TextDecoder.Outcome) DecodeFile(byte[] bytes, long inMemoryLimit, int parts = 2)
    {
        var path = Path.Combine(Path.GetTempPath(), $"citelsp-decoder-{Environment.ProcessId}-{Guid.NewGuid():N}.bib");
        File.WriteAllBytes(path, bytes);
        try { return TextDecoder.DecodeFile(path, inMemoryLimit, parts); }
        finally { File.Delete(path); }
    }
}
