using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Text;

public class LineIndexTests
{
    [Fact]
    public void Lines_end_at_lf_crlf_and_cr()
    {
        const string text = "a\nbc\r\nd\re\n";
        var lines = new LineIndex(text);
        Assert.Equal(5, lines.LineCount);
        Assert.Equal([0, 2, 6, 8, 10], Enumerable.Range(0, 5).Select(lines.LineStart));
        Assert.Equal((1, 1), lines.GetPosition(text.IndexOf('c')));
        Assert.Equal((1, 2), lines.GetPosition(text.IndexOf('\r')));
        Assert.Equal(text.IndexOf('e'), lines.GetOffset(3, 0));
    }

    /// <summary>A big text's line starts are found in parts at once (one per core): a CRLF, CR or LF at a cut counts once.</summary>
    [Theory]
    [InlineData("\r\n", 2)]
    [InlineData("\r", 2)]
    [InlineData("\n", 2)]
    [InlineData("\r\r\n\n", 2)]
    [InlineData("\r\n", 4)]
    [InlineData("\r\r\n\n", 4)]
    [InlineData("\r\n", 3)]
    [InlineData("\r", 16)]
    public void A_big_text_cut_at_a_line_break_has_the_line_starts_of_one_pass(string breakAtMiddle, int parts)
    {
        var random = new Random(7);
        var text = new System.Text.StringBuilder();
        while (text.Length < 5_000_000) text.Append('a', random.Next(0, 90)).Append(random.Next(3) switch { 0 => "\n", 1 => "\r\n", _ => "\r" });
        var middle = text.Length / 2;
        var big = text.ToString(0, middle - 1) + breakAtMiddle + text.ToString(middle, text.Length - middle);
        AssertStarts(big, parts);
    }

    /// <summary>Line starts are searched 16 characters at a time, into room for a line per 16 characters: a text of
    /// shorter lines (every start found again into more room), CRLFs across the 16-character blocks, breaks at the ends.</summary>
    [Theory]
    [InlineData("\n", 1)]
    [InlineData("\r\n", 1)]
    [InlineData("a\r", 3)]
    [InlineData("\r\r\n", 2)]
    [InlineData("abcdefghijklmno\r\n", 1)]
    [InlineData("abcdefghijklmnopqrstuvwxyz0123\r\n\n", 4)]
    public void Short_lines_and_breaks_across_blocks_have_every_start(string line, int parts)
    {
        foreach (var repeat in new[] { 1, 7, 40, 100_000 })
            AssertStarts(string.Concat(Enumerable.Repeat(line, repeat)), parts);
    }

    private static void AssertStarts(string text, int parts)
    {
        var lines = new LineIndex(text, parts);
        var expected = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (text[i] is '\r' or '\n') expected.Add(i + 1);
        }
        Assert.Equal(expected.Count, lines.LineCount);
        Assert.Equal(expected, Enumerable.Range(0, lines.LineCount).Select(lines.LineStart));
    }
}
