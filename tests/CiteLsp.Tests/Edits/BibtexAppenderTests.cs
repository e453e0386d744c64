using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Edits;

namespace CiteLsp.Tests.Edits;

public class BibtexAppenderTests
{
    private static readonly Entry Paper = new()
    {
        Key = "smith2020deep", Type = "article", Title = "Deep Learning & Co", Authors = [new Person("Smith", "Ann")],
        Date = new PartialDate(2020),
    };

    private const string Written = "@article{smith2020deep,\n  title = {Deep Learning \\& Co},\n  author = {Smith, Ann},\n  year = {2020},\n}\n";

    [Theory]
    [InlineData("", "")]
    [InlineData("\n\n", "")]
    [InlineData("@misc{a,\n  title = {A},\n}", "@misc{a,\n  title = {A},\n}\n\n")]
    [InlineData("@misc{a,\n  title = {A},\n}\n", "@misc{a,\n  title = {A},\n}\n\n")]
    [InlineData("@misc{a,\n  title = {A},\n}\n\n\n  \n", "@misc{a,\n  title = {A},\n}\n\n")]
    public void Appends_after_exactly_one_blank_line(string before, string expectedPrefix)
    {
        var edit = BibtexAppender.Append("refs.bib", before, Paper);
        Assert.NotNull(edit);
        Assert.Equal(expectedPrefix + Written, edit.ApplyTo(before));
        Assert.All(edit.Edits, e => Assert.Equal("refs.bib", e.Span.Path));
    }

    [Fact]
    public void Keeps_crlf_line_ends()
    {
        var before = "@misc{a,\r\n  title = {A},\r\n}\r\n";
        var after = BibtexAppender.Append("refs.bib", before, Paper)!.ApplyTo(before);
        Assert.Equal(before + "\r\n" + Written.Replace("\n", "\r\n"), after);
        Assert.DoesNotContain("\n", after.Replace("\r\n", ""));
    }

    [Theory]
    [InlineData("@article{smith2020deep,\n title={X}}\n")]
    [InlineData("@Article{ Smith2020Deep ,\n title={X}}\n")]
    [InlineData("@misc(smith2020deep,\n title={X})\n")]
    public void Does_not_duplicate_a_key_the_file_defines(string before) =>
        Assert.Null(BibtexAppender.Append("refs.bib", before, Paper));

    [Theory]
    [InlineData("@string{smith2020deep = {x}}\n")]
    [InlineData("@comment{smith2020deep, not an entry}\n")]
    [InlineData("@misc{smith2020deeper,\n title={X}}\n")]
    public void Similar_text_is_not_a_definition(string before) =>
        Assert.NotNull(BibtexAppender.Append("refs.bib", before, Paper));
}
