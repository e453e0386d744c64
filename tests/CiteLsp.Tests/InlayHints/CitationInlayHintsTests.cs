using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.InlayHints;

namespace CiteLsp.Tests.InlayHints;

public class CitationInlayHintsTests
{
    private static readonly Catalog Library = Catalog.Build([CatalogLoader.Load(TestPaths.SeedProfile), CatalogLoader.Load(TestPaths.SeedListing)]);

    [Fact]
    public void A_label_after_each_resolved_key_in_range()
    {
        var m = Markup.Parse(@"Intro \citep{nakkiran2019deep[||], unknown, danielylearning[||]}. Later \cite{livne2023corgi[||]}.");
        var citations = LatexCitationScanner.Scan("/w/a.tex", m.Text);
        var hints = CitationInlayHints.Compute(citations, 0, m.Text.Length, Library);
        Assert.Equal(m.Ranges.Select(r => r.Start), hints.Select(h => h.Offset));
        Assert.Equal(["Nakkiran et al. 2019", "Daniely and Malach n.d.", "Livne et al. 2023"], hints.Select(h => h.Label));

        var firstLineOnly = CitationInlayHints.Compute(citations, 0, m.Text.IndexOf("Later", StringComparison.Ordinal), Library);
        Assert.Equal(2, firstLineOnly.Count);
    }

    [Fact]
    public void Markdown_citations_get_labels_too()
    {
        var text = "As shown [@nakkiran2019deep; @livne2023corgi] and @kaplun2023less.";
        var hints = CitationInlayHints.Compute(MarkdownCitationScanner.Scan("/w/a.md", text), 0, text.Length, Library);
        Assert.Equal(["Nakkiran et al. 2019", "Livne et al. 2023", "Kaplun et al. 2023"], hints.Select(h => h.Label));
    }
}
