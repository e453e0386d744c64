using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Core.Text;

public class TextDocumentTests
{
    private static readonly TextDocument Doc = new("file:///a.tex", "/a.tex", "latex", 1, "hello world");

    [Fact]
    public void Replace_returns_a_new_document_and_leaves_the_old_one_alone()
    {
        var edited = Doc.Replace(6, 5, "there", 2)!;
        Assert.Equal("hello there", edited.Text);
        Assert.Equal(2, edited.Version);
        Assert.Equal("hello world", Doc.Text);
        Assert.Equal(1, Doc.Version);
    }

    [Theory]
    [InlineData(-1, 0)]
    [InlineData(0, -1)]
    [InlineData(10, 2)]
    public void Replace_outside_the_text_is_null(int start, int length) => Assert.Null(Doc.Replace(start, length, "x", 2));

    [Fact]
    public void Lines_follow_the_text()
    {
        var edited = Doc.Replace(5, 1, "\n", 2)!;
        Assert.Equal(1, Doc.Lines.LineCount);
        Assert.Equal(2, edited.Lines.LineCount);
    }
}
