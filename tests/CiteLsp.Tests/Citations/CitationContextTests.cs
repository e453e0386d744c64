using CiteLsp.Core.Citations;

namespace CiteLsp.Tests.Citations;

public class CitationContextTests
{
    /// <summary>Cursor at $0, expected key span [|…|]; returns the context.</summary>
    private static CitationContext AssertContext(string marked, DocumentSyntax syntax, LatexScanOptions? options = null)
    {
        var m = Markup.Parse(marked);
        var ctx = CitationContext.Find(m.Text, m.Cursor!.Value, syntax, options);
        Assert.NotNull(ctx);
        var range = Assert.Single(m.Ranges);
        Assert.Equal(range, (ctx.PartialKeySpan.Start, ctx.PartialKeySpan.Length));
        Assert.Equal(m.Text[range.Start..m.Cursor.Value], ctx.Query);
        return ctx;
    }

    private static void AssertNone(string marked, DocumentSyntax syntax)
    {
        var m = Markup.Parse(marked);
        Assert.Null(CitationContext.Find(m.Text, m.Cursor!.Value, syntax));
    }

    [Theory]
    [InlineData(@"\cite{[|$0|]}", "")]
    [InlineData(@"\cite{[|$0|]", "")]
    [InlineData(@"\cite{a,b,[|$0|]", "a b")]
    [InlineData(@"\citep[p.~3]{[|smi$0|]}", "")]
    [InlineData(@"\cite{a, [|ab$0cd|], e}", "a e")]
    [InlineData("\\cite{a,\n  [|x$0|]\n}", "a")]
    [InlineData("\\cite{a,[|$0|]\nSome text, more", "a")]
    [InlineData("\\cite{a,[|$0|]\n\nNext paragraph, b}", "a")]
    [InlineData(@"\citep*[see][]{[|k$0|]}", "")]
    [InlineData(@"\cites[a]{one}[b]{[|$0|]}", "")]
    [InlineData(@"\volcite{3}{[|k$0|]}", "")]
    [InlineData(@"x é𝔸 \textcite{[|ψ$0|]}", "")]
    public void Latex_key_positions(string marked, string others)
    {
        var ctx = AssertContext(marked, DocumentSyntax.Latex);
        Assert.Equal(others, string.Join(' ', ctx.OtherKeysInCommand));
    }

    [Fact]
    public void Latex_extra_commands_and_wrappers()
    {
        AssertContext(@"\mycite{[|a$0|]}", DocumentSyntax.Latex, new LatexScanOptions(ExtraCommands: ["mycite"]));
        AssertContext(@"\mycite[p]{[|a$0|]}", DocumentSyntax.Latex, new LatexScanOptions(Wrappers: [new CiteWrapper("mycite", "om", 2)]));
        Assert.Equal(@"\citep", AssertContext(@"\citep{[|$0|]}", DocumentSyntax.Latex).Command);
    }

    [Theory]
    [InlineData(@"\cite[p.~$0]{a}")]
    [InlineData(@"\textbf{$0}")]
    [InlineData(@"\citefield{a}{ti$0}")]
    [InlineData(@"\volcite{3$0}{k}")]
    [InlineData(@"% \cite{$0}")]
    [InlineData("\\cite{a,\n\n$0")]
    [InlineData(@"\cite{a} $0")]
    [InlineData(@"\mycite{$0}")]
    [InlineData(@"$0")]
    public void Latex_not_key_positions(string marked) => AssertNone(marked, DocumentSyntax.Latex);

    [Theory]
    [InlineData("[@[|$0|]]", "", "[@]")]
    [InlineData("[see @a, p. 3; @[|b$0|]]", "a", "[@]")]
    [InlineData("[-@[|do$0e|]; @c]", "c", "[@]")]
    [InlineData("As @[|doe$0|] says.", "", "@")]
    [InlineData("As @[|doe$0|].", "", "@")]
    [InlineData("@{[|odd ke$0y|]}", "", "@")]
    [InlineData("é𝔸 @[|ψ$0|]", "", "@")]
    [InlineData("Rmd (\\cite{a, [|b$0|]})", "a", "\\cite")]
    public void Markdown_key_positions(string marked, string others, string command)
    {
        var ctx = AssertContext(marked, DocumentSyntax.Markdown);
        Assert.Equal(others, string.Join(' ', ctx.OtherKeysInCommand));
        Assert.Equal(command, ctx.Command);
    }

    [Theory]
    [InlineData("me@exa$0mple.com")]
    [InlineData("`@co$0de`")]
    [InlineData("```\n@a$0\n```")]
    [InlineData("---\nemail: '@x$0'\n---\n")]
    [InlineData("plain te$0xt")]
    public void Markdown_not_key_positions(string marked) => AssertNone(marked, DocumentSyntax.Markdown);

    [Fact]
    public void Out_of_range_offsets_give_null()
    {
        Assert.Null(CitationContext.Find("\\cite{", -1, DocumentSyntax.Latex));
        Assert.Null(CitationContext.Find("\\cite{", 99, DocumentSyntax.Latex));
    }
}
