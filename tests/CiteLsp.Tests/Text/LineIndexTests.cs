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
}
