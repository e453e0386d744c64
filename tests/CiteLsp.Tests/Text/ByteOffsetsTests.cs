using System.Text;
using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Text;

public class ByteOffsetsTests
{
    /// <summary>
    /// A big text's checkpoints are counted on both cores: every checkpoint's byte offset is the sum of the bytes
    /// before it, however the text is split (2-, 3- and 4-byte characters, surrogate pairs on stride boundaries), and
    /// a slice read back from the file is the slice of the text.
    /// </summary>
    [Fact]
    public void A_big_texts_checkpoints_count_the_bytes_before_them()
    {
        var random = new Random(12);
        var text = new StringBuilder();
        string[] pieces = ["a", "bc ", "é", "‘", "😀", "\n", "ü", "𝔸"];
        while (text.Length < 17_000_000) text.Append(pieces[random.Next(pieces.Length)]);
        var s = text.ToString();
        var utf8 = new UTF8Encoding(false);
        var offsets = ByteOffsets.Of(s, utf8, preamble: 3);

        var (_, chars, bytes) = offsets.Parts;
        Assert.True(chars.Length > 4096, "the text is big enough to be counted in two halves");
        long expected = 3;
        for (var i = 1; i < chars.Length; i++)
        {
            if (chars[i] < s.Length) Assert.False(char.IsLowSurrogate(s[chars[i]]), $"checkpoint {i} splits a surrogate pair");
            expected += utf8.GetByteCount(s.AsSpan(chars[i - 1], chars[i] - chars[i - 1]));
            Assert.Equal(expected, bytes[i]);
        }

        var path = Path.Combine(Path.GetTempPath(), $"citelsp-offsets-{Environment.ProcessId}-{Guid.NewGuid():N}.bib");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. utf8.GetBytes(s)]);
        try
        {
            foreach (var start in new[] { 0, 4095, 8_500_000, s.Length - 50 })
            {
                var at = char.IsLowSurrogate(s[start]) ? start + 1 : start;
                Assert.Equal(s.Substring(at, 40), offsets.Read(path, at, 40));
            }
        }
        finally { File.Delete(path); }
    }
}
