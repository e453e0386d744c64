using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Hover;
using CiteLsp.Core.Rendering;
using CiteLsp.Core.Search;

namespace CiteLsp.Tests.Hover;

public class CitationHoverTests
{
    private const string BibText = """
        @article{smith2020cats, title = {On \emph{Cats}}, author = {Smith, Ann and Lee, Bo}, year = {2020}, abstract = {Cats \cite{x} purr $k$ times.}}
        @article{Jones2019, title = {Birds}, author = {Jones, Bob}, year = {2019}}
        """;

    private static readonly Catalog Bibliography = Catalog.Build([CatalogLoader.Parse("/w/refs.bib", BibText)]);
    private static readonly Catalog Library = Catalog.Build([CatalogLoader.Load(TestPaths.SeedListing)]);

    private static HoverCard? HoverAt(string marked, DocumentSyntax syntax = DocumentSyntax.Latex)
    {
        var m = Markup.Parse(marked);
        var citations = syntax == DocumentSyntax.Latex ? LatexCitationScanner.Scan("/w/a.tex", m.Text) : MarkdownCitationScanner.Scan("/w/a.md", m.Text);
        var card = CitationHover.Find(citations, m.Cursor!.Value, Bibliography, SearchIndex.Build(Bibliography.Entries), Library);
        if (card is not null) Assert.Equal(m.Ranges.Single(), (card.Span.Start, card.Span.Length));
        return card;
    }

    [Fact]
    public void Resolved_key_shows_the_card_over_the_key_span()
    {
        var card = HoverAt(@"See \citep[p.~3]{Jones2019, [|smi$0th2020cats|]} for details.");
        Assert.Equal(ReferenceCard.Markdown(Bibliography.Find("smith2020cats")!), card!.Markdown);
        Assert.StartsWith("**On *Cats***\n\nAnn Smith, Bo Lee · 2020", card.Markdown);
    }

    [Fact]
    public void Markdown_citation_and_both_ends_of_the_key()
    {
        Assert.NotNull(HoverAt("Birds [see @[|$0Jones2019|], p. 3].", DocumentSyntax.Markdown));
        Assert.NotNull(HoverAt("Birds @[|Jones2019$0|] sing.", DocumentSyntax.Markdown));
        Assert.Null(HoverAt("Birds $0 @Jones2019 sing.", DocumentSyntax.Markdown));
    }

    [Fact]
    public void Unresolved_key_gives_the_message_and_closest_keys()
    {
        var card = HoverAt(@"\cite{[|smith2020cast$0|]}");
        Assert.Equal("Unresolved citation `smith2020cast`: no such key in the bibliography.\n\nClosest keys: `smith2020cats` (Smith and Lee 2020)", card!.Markdown);
    }

    [Fact]
    public void Case_mismatch_is_offered_first()
    {
        var card = HoverAt(@"\cite{[|jones2019$0|]}");
        Assert.StartsWith("Unresolved citation `jones2019`: no such key in the bibliography.\n\nClosest keys: `Jones2019` (Jones 2019)", card!.Markdown);
    }

    [Fact]
    public void Key_missing_from_the_bibliography_but_in_the_library_shows_the_library_card()
    {
        var card = HoverAt(@"\cite{[|nakkiran2019deep$0|]}");
        Assert.StartsWith("Unresolved citation `nakkiran2019deep`: no such key in the bibliography. It is in your library:\n\n---\n\n**Deep Double Descent", card!.Markdown);
    }

    [Fact]
    public void Entry_key_in_a_bib_file()
    {
        var m = Markup.Parse("@article{x, title = {T}}\n\n@book{[|be$0st|],\n  title = {The {\\LaTeX} Book},\n  author = {Knuth, Donald}, year = 1986}\n");
        var card = CitationHover.FindInBibliography(CatalogLoader.Parse("/w/refs.bib", m.Text), m.Cursor!.Value);
        Assert.Equal(m.Ranges.Single(), (card!.Span.Start, card.Span.Length));
        Assert.Equal("**The LaTeX Book**\n\nDonald Knuth · 1986", card.Markdown);
        Assert.Null(CitationHover.FindInBibliography(CatalogLoader.Parse("/w/refs.bib", m.Text), m.Text.IndexOf("Knuth", StringComparison.Ordinal)));
    }
}
