using CiteLsp.Core.Citations;
using CiteLsp.Core.Workspace;

namespace CiteLsp.Tests.Workspace;

/// <summary>ProjectResolver on the real multi-file projects in ../shared/corpus/papers.</summary>
public class CorpusProjectTests
{
    private static readonly string Papers = Path.Combine(TestPaths.Corpus, "papers");

    private static ProjectResolver ResolverFor(string project) =>
        new(p => File.Exists(p) ? File.ReadAllText(p) : null,
            Directory.EnumerateFiles(Path.Combine(Papers, project), "*.tex", SearchOption.AllDirectories));

    private static string P(string relative) => Path.Combine(Papers, relative);

    [Fact]
    public void Dissertation_chapter_resolves_through_its_root()
    {
        var b = ResolverFor("latex/thammegowda-dissertation").Resolve(P("latex/thammegowda-dissertation/chapter/04-evaluation.tex"), DocumentSyntax.Latex);
        Assert.Equal(P("latex/thammegowda-dissertation/main1.tex"), b.Root);
        var source = Assert.Single(b.Sources);
        Assert.Equal(P("latex/thammegowda-dissertation/anthology.bib"), source.Path);
        Assert.Equal(@"\bibliography{anthology} in body.tex:27", source.Reason);
        Assert.Equal(BibliographyBackend.Bibtex, b.Backend);
        Assert.Contains(P("latex/thammegowda-dissertation/chapter/06-robustness.tex"), b.ProjectFiles);
    }

    [Fact]
    public void Biblatex_project_with_bibliography_in_an_included_preamble()
    {
        var b = ResolverFor("latex/danielkonge-dissertation").Resolve(P("latex/danielkonge-dissertation/Chapters/intro.tex"), DocumentSyntax.Latex);
        Assert.Equal(P("latex/danielkonge-dissertation/main.tex"), b.Root);
        Assert.Equal([P("latex/danielkonge-dissertation/ref.bib")], b.Sources.Select(s => s.Path));
        Assert.Equal(BibliographyBackend.Biber, b.Backend);
    }

    [Fact]
    public void Filecontents_bib_is_both_a_source_and_embedded()
    {
        var b = ResolverFor("latex/biblatex-93-nameparts").Resolve(P("latex/biblatex-93-nameparts/93-nameparts.tex"), DocumentSyntax.Latex);
        var embedded = Assert.Single(b.EmbeddedBibs);
        Assert.Equal(P("latex/biblatex-93-nameparts/93-nameparts.bib"), embedded.Path);
        Assert.Contains(b.Sources, s => s.Path == embedded.Path);
        Assert.Contains(b.Sources, s => s.Path == P("latex/biblatex-93-nameparts/biblatex-examples.bib"));
        Assert.Equal(BibliographyBackend.Biber, b.Backend);
        Assert.Contains("@book{austen:jane", embedded.Text.Replace(" ", ""), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Rmd_front_matter_names_its_bibliography()
    {
        var b = ResolverFor("latex/vegetation-map-rmd").Resolve(P("latex/vegetation-map-rmd/paper.Rmd"), DocumentSyntax.Markdown);
        Assert.Equal([P("latex/vegetation-map-rmd/export.bib")], b.Sources.Select(s => s.Path));
        Assert.Equal(BibliographyBackend.Pandoc, b.Backend);
    }

    [Fact]
    public void Joss_paper_front_matter()
    {
        var b = ResolverFor("markdown/fastpli-joss").Resolve(P("markdown/fastpli-joss/paper.md"), DocumentSyntax.Markdown);
        Assert.Equal([P("markdown/fastpli-joss/paper.bib")], b.Sources.Select(s => s.Path));
        Assert.True(b.DeclaresBibliography);
    }
}
