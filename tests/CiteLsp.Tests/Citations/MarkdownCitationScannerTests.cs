using CiteLsp.Core.Citations;

namespace CiteLsp.Tests.Citations;

public class MarkdownCitationScannerTests
{
    private static IReadOnlyList<Citation> AssertKeys(string marked)
    {
        var m = Markup.Parse(marked);
        var found = MarkdownCitationScanner.Scan("doc.md", m.Text);
        Assert.Equal(m.RangeTexts, found.Select(c => c.Key).ToList());
        Assert.Equal(m.Ranges, found.Select(c => (c.KeySpan.Start, c.KeySpan.Length)).ToList());
        for (var i = 1; i < found.Count; i++) Assert.True(found[i - 1].KeySpan.End <= found[i].KeySpan.Start, "overlapping keys");
        return found;
    }

    [Theory]
    [InlineData("Text [@[|doe99|]] more.")]
    [InlineData("[see @[|a|], p. 3; @[|b|], chap. 1]")]
    [InlineData("[-@[|doe99|]] and [@[|a|]; -@[|b|]]")]
    [InlineData("@[|doe99|] says, and @[|smith04|] [p. 33] agrees.")]
    [InlineData("As @{[|key with:odd.chars|]} and @{[|https://example.org/x|]} show.")]
    [InlineData("Trailing punctuation: @[|doe99|]. Then @[|doe99|], and (@[|x_y|]); @[|a:b|]: end")]
    [InlineData("Internal punctuation: @[|a.b-c+d?e<f>g~h/i#j$k%l&m|] and @[|a|]-- and @[|x|]..y")]
    [InlineData("@[|_under|] @[|1984|] @[|Ärger|] but not @-x or @.")]
    [InlineData("Manubot [@[|doi:10.7554/eLife.32822|]; @[|pmid:29424689|]] and [@[|url:https://x.org/a|]]")]
    [InlineData("Multi-line [see\n@[|a|]; @[|b|]\n] end")]
    [InlineData("R Markdown raw LaTeX (\\cite{[|IPCC2007|]}, \\citep[p. 2]{[|a|],\n[|b|]}) then @[|c|] but `\\cite{no}`")]
    public void Finds_pandoc_citations(string marked) => AssertKeys(marked);

    [Theory]
    [InlineData("Write to me@example.com or first.last@uni.edu or <x@y.org> today.")]
    [InlineData("See https://medium.com/@someone and www.x.org/@handle and <https://x.org/@a>.")]
    [InlineData("See @fig:plot, @sec:intro, [@eq:1; @tbl:t], @lst:code and @Fig:cap.")]
    [InlineData("Code `@no` and ``a ` @no`` and escaped \\@no.")]
    [InlineData("```\n@no\n```\n~~~~ {.python}\n@no\n~~~~\n")]
    [InlineData("Para.\n\n    @no in indented code\n    @no\n")]
    [InlineData("<!-- @no\n@no -->")]
    [InlineData("from [{{repo}}@{{commit | truncate(7)}}](https://x/{{c}}) and @{{author.name}}")]
    [InlineData("---\ntitle: x\nemail: me@example.com\nauthor: '@no'\n---\n")]
    public void Skips_non_citations(string marked) => AssertKeys(marked);

    [Fact]
    public void Code_skip_ends_where_it_should()
    {
        AssertKeys("```r\n@no\n```\nafter @[|yes|]\n`code\nspan @no` @[|yes2|]\n\nlist:\n\n- item\n\n    continued @[|cont|]\n");
        AssertKeys("Not a fence: `` ` `` @[|k|] and a literal ` backtick @[|k2|]");
    }

    [Fact]
    public void Bracketed_and_in_text_commands()
    {
        const string text = "A [see @a, p. 3; @b] and @c.";
        var found = MarkdownCitationScanner.Scan("d.md", text);
        Assert.Equal(["[@]", "[@]", "@"], found.Select(c => c.Command));
        Assert.Equal("[see @a, p. 3; @b]", text.Substring(found[0].CommandSpan.Start, found[0].CommandSpan.Length));
        Assert.Equal(found[0].CommandSpan, found[1].CommandSpan);
        Assert.Equal("@c", text.Substring(found[2].CommandSpan.Start, found[2].CommandSpan.Length));
    }

    [Fact]
    public void Front_matter_and_link_keys_are_exposed()
    {
        const string text = "---\nbibliography: refs.bib\n---\n[@alias]: doi:10.1/x\n\nUse [@alias].";
        var scan = MarkdownCitationScanner.Analyze("d.md", text);
        Assert.Equal("bibliography: refs.bib\n", scan.FrontMatter!.Text);
        Assert.Equal(scan.FrontMatter.Text, text.Substring(scan.FrontMatter.Span.Start, scan.FrontMatter.Span.Length));
        Assert.Equal(["alias"], scan.LinkKeys.Select(k => k.Key));
        Assert.Equal(["alias"], scan.Citations.Select(c => c.Key));
        Assert.Null(MarkdownCitationScanner.Analyze("d.md", "---\n\ntext @a\n").FrontMatter);
    }

    [Fact]
    public void Offsets_are_utf16_after_non_ascii_text()
    {
        var found = AssertKeys("Schrödinger 𝔸 cafe\u0301 — [@[|ψ-key|]; @[|b|]]");
        Assert.Equal("ψ-key", found[0].Key);
    }

    [Theory]
    [InlineData("")]
    [InlineData("@")]
    [InlineData("[@")]
    [InlineData("@{")]
    [InlineData("@{}")]
    [InlineData("`")]
    [InlineData("<!--")]
    [InlineData("---")]
    [InlineData("---\ntitle: x")]
    [InlineData("```")]
    public void Truncated_input_does_not_crash(string text) => Assert.Empty(MarkdownCitationScanner.Scan("d.md", text));
}
