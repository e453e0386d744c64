using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Navigation;
using static CiteLsp.Tests.Diagnostics.TestCatalogs;

namespace CiteLsp.Tests.Navigation;

public class RenamePlannerTests
{
    private static readonly Catalog Refs = Of("/p/refs.bib", "iozone", "smith2020");

    [Theory]
    [InlineData("smith2020b", null)]
    [InlineData("Smith2020", null)]
    [InlineData("IOZONE", "`IOZONE` is already used by iozone in refs.bib")]
    [InlineData("", "the new key is empty")]
    [InlineData("a b", "`a b` is not a valid citation key")]
    [InlineData("a,b", "`a,b` is not a valid citation key")]
    public void Validates_the_new_key(string newKey, string? error)
    {
        var message = RenamePlanner.Validate(newKey, "smith2020", Refs);
        if (error is null) Assert.Null(message);
        else Assert.StartsWith(error, message);
    }

    [Fact]
    public void Renames_the_definition_and_every_citation_grouped_by_file()
    {
        var (text1, cites1) = Cite(@"\cite{[|smith2020|], [|iozone|]} and \cite{[|smith2020|]}", "/p/a.tex");
        var (_, cites2) = Cite(@"\cite{[|smith2020|]}", "/p/b.tex");
        var definitions = RenamePlanner.Definitions("smith2020", Refs);
        var edits = RenamePlanner.Plan("smith2020", "smith2020b", definitions, cites1.Concat(cites2));
        Assert.Equal(["/p/refs.bib", "/p/a.tex", "/p/b.tex"], edits.Select(e => e.Path));
        Assert.Equal((22, 9), (edits[0].Edits.Single().Span.Start, edits[0].Edits.Single().Span.Length));
        Assert.Equal(@"\cite{smith2020b, iozone} and \cite{smith2020b}", edits[1].ApplyTo(text1));
    }
}
