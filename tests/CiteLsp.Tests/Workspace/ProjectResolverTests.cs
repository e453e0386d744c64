using CiteLsp.Core.Citations;
using CiteLsp.Core.Workspace;

namespace CiteLsp.Tests.Workspace;

public class ProjectResolverTests
{
    private static ProjectResolver Resolver(Dictionary<string, string> files) =>
        new(p => files.TryGetValue(p, out var t) ? t : null, files.Keys.Where(k => k.EndsWith(".tex", StringComparison.Ordinal)));

    private static IReadOnlyList<string> Paths(DocumentBibliography b) => b.Sources.Select(s => s.Path).ToList();

    [Fact]
    public void Bibliography_names_get_bib_and_resolve_against_the_root()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/main.tex"] = "\\documentclass{article}\n\\usepackage{natbib}\n\\begin{document}\n\\input{chapters/one}\n\\bibliography{refs, more.bib,../shared/x}\n\\end{document}",
            ["/p/chapters/one.tex"] = "\\cite{a}",
        };
        var b = Resolver(files).Resolve("/p/main.tex", DocumentSyntax.Latex);
        Assert.Equal("/p/main.tex", b.Root);
        Assert.Equal(["/p/refs.bib", "/p/more.bib", "/shared/x.bib"], Paths(b));
        Assert.Equal("\\bibliography{refs, more.bib,../shared/x} in main.tex:5", b.Sources[0].Reason);
        Assert.Equal(BibliographyBackend.Bibtex, b.Backend);
        Assert.Equal(["/p/main.tex", "/p/chapters/one.tex"], b.ProjectFiles);
        Assert.True(b.DeclaresBibliography);
    }

    [Fact]
    public void A_chapter_opened_alone_finds_the_root_that_includes_it()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/other.tex"] = "\\begin{document}\\input{unrelated}\\end{document}",
            ["/p/thesis.tex"] = "\\usepackage[style=authoryear]{biblatex}\n\\addbibresource{lib/refs.bib}\n\\begin{document}\n\\include{parts/intro}\n\\end{document}",
            ["/p/parts/intro.tex"] = "\\subimport{sub/}{deep}",
            ["/p/parts/sub/deep.tex"] = "\\textcite{x}",
        };
        var b = Resolver(files).Resolve("/p/parts/sub/deep.tex", DocumentSyntax.Latex);
        Assert.Equal("/p/thesis.tex", b.Root);
        Assert.Equal(["/p/lib/refs.bib"], Paths(b));
        Assert.Equal("\\addbibresource{lib/refs.bib} in thesis.tex:2", b.Sources[0].Reason);
        Assert.Equal(BibliographyBackend.Biber, b.Backend);
    }

    [Fact]
    public void Magic_root_comment_and_subfiles_name_the_root()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/main.tex"] = "\\bibliography{refs}\\begin{document}\\end{document}",
            ["/p/ch/a.tex"] = "% !TEX root = ../main.tex\n\\cite{k}",
            ["/p/ch/b.tex"] = "\\documentclass[../main]{subfiles}\n\\begin{document}\\cite{k}\\end{document}",
        };
        var r = Resolver(files);
        Assert.Equal("/p/main.tex", r.Resolve("/p/ch/a.tex", DocumentSyntax.Latex).Root);
        Assert.Equal("/p/main.tex", r.Resolve("/p/ch/b.tex", DocumentSyntax.Latex).Root);
        Assert.Equal(["/p/refs.bib"], Paths(r.Resolve("/p/ch/b.tex", DocumentSyntax.Latex)));
    }

    [Theory]
    [InlineData("\\usepackage[backend=bibtex]{biblatex}", BibliographyBackend.Bibtex)]
    [InlineData("\\usepackage[style=numeric, backend = bibtex8]{biblatex}", BibliographyBackend.Bibtex)]
    [InlineData("\\usepackage[backend=biber]{biblatex}", BibliographyBackend.Biber)]
    [InlineData("\\usepackage{biblatex}", BibliographyBackend.Biber)]
    [InlineData("\\usepackage{csquotes,biblatex}", BibliographyBackend.Biber)]
    [InlineData("\\usepackage[numbers]{natbib}", BibliographyBackend.Bibtex)]
    [InlineData("", BibliographyBackend.Bibtex)]
    public void Backend_detection(string preamble, BibliographyBackend expected)
    {
        var files = new Dictionary<string, string> { ["/p/m.tex"] = preamble + "\n\\begin{document}\\end{document}" };
        Assert.Equal(expected, Resolver(files).Resolve("/p/m.tex", DocumentSyntax.Latex).Backend);
    }

    [Fact]
    public void Inline_keys_embedded_bibs_nocite_and_wrappers()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/doc.tex"] = "\\begin{filecontents*}{\\jobname.bib}\n@book{k1, title={T}}\n\\end{filecontents*}\n\\begin{filecontents}{notes.txt}\nx\n\\end{filecontents}\n" +
                "\\addbibresource{\\jobname.bib}\\addbibresource[location=remote]{http://x.org/r.bib}\\newcommand{\\mycite}[1]{\\cite{#1}}\n" +
                "\\begin{document}\\nocite{*}\\begin{thebibliography}{1}\\bibitem{b1} B.\\end{thebibliography}\\end{document}",
        };
        var b = Resolver(files).Resolve("/p/doc.tex", DocumentSyntax.Latex);
        Assert.Equal(["/p/doc.bib"], Paths(b));
        var e = Assert.Single(b.EmbeddedBibs);
        Assert.Equal("/p/doc.bib", e.Path);
        Assert.Equal("@book{k1, title={T}}\n", e.Text);
        Assert.Equal(["b1"], b.InlineKeys.Select(k => k.Key));
        Assert.True(b.CitesAll);
        Assert.Equal("mycite", Assert.Single(b.Wrappers).Name);
    }

    [Fact]
    public void Include_cycles_missing_files_and_unreadable_input_are_harmless()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/a.tex"] = "\\begin{document}\\input{b}\\input{missing}\\input{\\macro}\\end{document}",
            ["/p/b.tex"] = "\\input{a}\\bibliography{r}",
        };
        var b = Resolver(files).Resolve("/p/a.tex", DocumentSyntax.Latex);
        Assert.Equal(["/p/a.tex", "/p/b.tex"], b.ProjectFiles);
        Assert.Equal(["/p/r.bib"], Paths(b));
        var none = new ProjectResolver(_ => throw new IOException("denied"), []).Resolve("/p/x.tex", DocumentSyntax.Latex);
        Assert.Empty(none.Sources);
        Assert.False(none.DeclaresBibliography);
    }

    [Theory]
    [InlineData("---\nbibliography: refs.bib\n---\n", "/p/refs.bib")]
    [InlineData("---\ntitle: x\nbibliography:\n  - a.bib\n  - 'sub/b.json'\n---\n", "/p/a.bib /p/sub/b.json")]
    [InlineData("---\nbibliography: [a.bib, \"c d.yaml\"]\n...\n", "/p/a.bib /p/c d.yaml")]
    [InlineData("---\nbibliography: ../up.bib\nemail: me@example.com\n---\n", "/up.bib")]
    [InlineData("---\ntitle: [unclosed\n---\n", "")]
    [InlineData("no front matter\n", "")]
    public void Markdown_front_matter_bibliography(string text, string expected)
    {
        var files = new Dictionary<string, string> { ["/p/doc.md"] = text };
        var b = Resolver(files).Resolve("/p/doc.md", DocumentSyntax.Markdown);
        Assert.Equal(expected, string.Join(' ', Paths(b)));
        Assert.Equal(BibliographyBackend.Pandoc, b.Backend);
    }

    [Fact]
    public void Markdown_reasons_and_inline_references()
    {
        var files = new Dictionary<string, string>
        {
            ["/p/doc.md"] = "---\ntitle: x\nbibliography:\n  - a.bib\nreferences:\n  - id: doe\n    title: T\n---\n[@doe]",
        };
        var b = Resolver(files).Resolve("/p/doc.md", DocumentSyntax.Markdown);
        Assert.Equal("bibliography: a.bib in doc.md:4", b.Sources[0].Reason);
        Assert.True(b.HasInlineReferences);
        Assert.Contains("id: doe", b.FrontMatter!.Text);
    }
}
