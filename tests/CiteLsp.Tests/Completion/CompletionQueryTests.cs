using CiteLsp.Core.Citations;
using CiteLsp.Core.Completion;

namespace CiteLsp.Tests.Completion;

public class CompletionQueryTests
{
    private static readonly HashSet<string> Known = ["smith2020cats", "jones2019birds"];

    private static CompletionQuery? Find(string marked, DocumentSyntax syntax)
    {
        var m = Markup.Parse(marked);
        var offset = m.Cursor!.Value;
        var q = CompletionQuery.Find(m.Text, offset, syntax, CitationContext.Find(m.Text, offset, syntax), Known.Contains);
        if (q is not null) Assert.Equal(m.Ranges.Single(), (q.Start, q.Length));
        return q;
    }

    [Theory]
    [InlineData(@"\cite{[|dobule desc$0|]}", "dobule desc")]
    [InlineData(@"\citep[p.~3]{smith2020cats, [|nakkiran descent 20$019|]}", "nakkiran descent 20")]
    [InlineData(@"\cite{ [|dob$0ule|]}", "dob")]
    [InlineData(@"\cite{smith2020cats [|desc$0|]}", "desc")]
    [InlineData("\\cite{a,\n  [|double desc$0|]}", "double desc")]
    public void Latex_words_typed_in_a_key_item_are_one_query(string marked, string query) =>
        Assert.Equal(query, Find(marked, DocumentSyntax.Latex)!.Query);

    [Theory]
    [InlineData("Shown [@[|nakkiran descent 2019$0|]].", "nakkiran descent 2019")]
    [InlineData("Shown [see @jones2019birds, p. 3; @[|dobule de$0sc|]]", "dobule de")]
    [InlineData("Shown [@[|dob$0|]", "dob")]
    public void Markdown_words_after_at_in_brackets_are_one_query(string marked, string query) =>
        Assert.Equal(query, Find(marked, DocumentSyntax.Markdown)!.Query);

    [Fact]
    public void Markdown_prose_after_an_in_text_citation_is_not_a_query()
    {
        Assert.Null(Find("As @ghost2021 shows that$0 birds sing.", DocumentSyntax.Markdown));
        Assert.Null(Find("Shown [@jones2019birds p$0]", DocumentSyntax.Markdown)); // a locator after a known key
        Assert.Null(Find("Code:\n\n```\n[@dobule desc$0]\n```\n", DocumentSyntax.Markdown));
        Assert.Null(Find("Inline `[@dobule desc$0]` code.", DocumentSyntax.Markdown));
        Assert.Equal("ghost", Find("As @[|ghost$02021|] shows.", DocumentSyntax.Markdown)!.Query);
    }
}
