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
        var path = Path.Combine(Path.GetTempPath(), $"citelsp-decoder-{Environment.ProcessId}-{before}.bib");
        File.WriteAllText(path, text, new UTF8Encoding(false));
        try
        {
            var (decoded, outcome) = TextDecoder.DecodeFile(path);
            Assert.Equal(TextDecoder.Outcome.Utf8, outcome);
            Assert.Equal(text, decoded);
        }
        finally { File.Delete(path); }
    }
}
