using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;

namespace CiteLsp.Tests.Bibliography;

/// <summary>One test per syntax error kind: the error is reported where the problem is, and the neighbours survive.</summary>
public class BibErrorRecoveryTests
{
    private static CatalogFile ParseMarked(string marked, out int offset)
    {
        var m = Markup.Parse(marked);
        offset = m.Cursor!.Value;
        return BibtexParser.Parse("t.bib", m.Text);
    }

    private static void AssertError(CatalogFile file, int offset, int line, int column, string messagePart)
    {
        var error = Assert.Single(file.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("bib-syntax", error.Code);
        Assert.Equal(offset, error.Span.Start);
        Assert.Equal((line, column), file.Lines.GetPosition(error.Span.Start));
        Assert.Contains(messagePart, error.Message);
    }

    private static void AssertKeys(CatalogFile file, params string[] keys) => Assert.Equal(keys, file.Entries.Select(e => e.Key));

    [Fact]
    public void Unbalanced_brace_stops_at_the_next_entry_line()
    {
        var file = ParseMarked("@article{a, title={A}}\n@article{b, year = 2001, title = $0{Broken {x, \n  note = {n}\n}\n\n@article{c, title={C}}\n", out var at);
        AssertError(file, at, 1, 33, "unbalanced '{'");
        AssertKeys(file, "a", "b", "c");
        Assert.Equal("2001", file.Entries[1].Fields["year"]);
        Assert.Equal("C", file.Entries[2].Title);
    }

    [Fact]
    public void Missing_comma_keeps_the_fields_read_before_it()
    {
        var file = ParseMarked("@article{a, title={A}}\n@article{b, title={B}\n  $0year={2001}}\n@article{c, title={C}}\n", out var at);
        AssertError(file, at, 2, 2, "missing ','");
        AssertKeys(file, "a", "b", "c");
        Assert.Equal("B", file.Entries[1].Title);
        Assert.Null(file.Entries[1].Year);
    }

    [Fact]
    public void Missing_key_skips_only_that_entry()
    {
        var file = ParseMarked("@article{a, title={A}}\n@book{$0, title={No key}}\n@article{c, title={C}}\n", out var at);
        AssertError(file, at, 1, 6, "missing citation key");
        AssertKeys(file, "a", "c");
    }

    [Fact]
    public void Field_where_the_key_should_be_is_a_missing_key()
    {
        var file = ParseMarked("@article{a, title={A}}\n@book{$0title = {No key}, year = 2000}\n@article{c, title={C}}\n", out var at);
        AssertError(file, at, 1, 6, "missing citation key");
        AssertKeys(file, "a", "c");
    }

    [Fact]
    public void Unterminated_string_stops_at_the_next_entry_line()
    {
        var file = ParseMarked("@article{a, title={A}}\n@article{b, title = $0\"Broken,\n  year = 2000}\n@article{c, title={C}}\n", out var at);
        AssertError(file, at, 1, 20, "unterminated string");
        AssertKeys(file, "a", "b", "c");
    }

    [Fact]
    public void Unclosed_entry_is_reported_at_the_next_entry()
    {
        var file = ParseMarked("@article{a, title={A},\n$0@article{c, title={C}}\n", out var at);
        AssertError(file, at, 1, 0, "not closed");
        AssertKeys(file, "a", "c");
        Assert.Equal("A", file.Entries[0].Title);
    }

    [Fact]
    public void At_sign_without_entry_type_is_garbage()
    {
        var file = ParseMarked("@article{a, title={A}}\n$0@{oops}\n@article{c, title={C}}\n", out var at);
        AssertError(file, at, 1, 0, "not followed by an entry type");
        AssertKeys(file, "a", "c");
    }

    [Fact]
    public void Text_after_an_entry_on_its_line_is_garbage()
    {
        var file = ParseMarked("@article{a, title={A}} $0}, year = 2000\n@article{c, title={C}}\n", out var at);
        AssertError(file, at, 0, 23, "unexpected text after the end of the entry");
        AssertKeys(file, "a", "c");
    }

    [Fact]
    public void Plain_text_between_entries_is_a_comment_as_for_bibtex()
    {
        var file = BibtexParser.Parse("t.bib", "Some notes.\n@article{a, title={A}}\nmore notes\n@comment{x}\n@preamble{\"\\newcommand{\\x}{y}\"}\n@article{c, title={C}}\n");
        Assert.Empty(file.Diagnostics);
        AssertKeys(file, "a", "c");
    }

    [Theory]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("@article")]
    [InlineData("@article{")]
    [InlineData("@article{a")]
    [InlineData("@article{a,")]
    [InlineData("@article{a, title")]
    [InlineData("@article{a, title =")]
    [InlineData("@article{a, title = {")]
    [InlineData("@article{a, title = \"")]
    [InlineData("@article{a, title = x #")]
    [InlineData("@string{")]
    [InlineData("@string{x = ")]
    [InlineData("@article{a, crossref = {a}}")]
    [InlineData("\0\0@\0{\0,\0=\0}")]
    [InlineData("@article{a, title = {\uD800 bad surrogate}}")]
    public void Truncated_and_odd_inputs_never_throw(string text)
    {
        var file = BibtexParser.Parse("t.bib", text);
        Assert.All(file.Diagnostics, d => Assert.InRange(d.Span.Start, 0, text.Length));
    }

    [Fact]
    public void Random_inputs_never_throw()
    {
        var rng = new Random(1234);
        const string alphabet = "@{}()\"#,= \n\tabcxyz0129%\\'~-";
        for (var n = 0; n < 3000; n++)
        {
            var chars = new char[rng.Next(0, 80)];
            for (var i = 0; i < chars.Length; i++) chars[i] = alphabet[rng.Next(alphabet.Length)];
            var text = "@article{k," + new string(chars);
            var file = BibtexParser.Parse("t.bib", text);
            Assert.All(file.Diagnostics, d => Assert.InRange(d.Span.End, 0, text.Length));
        }
    }

    [Fact]
    public void A_huge_single_line_is_parsed()
    {
        var title = new string('x', 20_000_000);
        var file = BibtexParser.Parse("t.bib", "@misc{big, title = {" + title + "}} @misc{open, title = {" + title);
        Assert.Equal(["big", "open"], file.Entries.Select(e => e.Key));
        Assert.Equal(title.Length, file.Entries[0].Title.Length);
        Assert.Contains(file.Diagnostics, d => d.Message.Contains("unbalanced"));
    }
}
