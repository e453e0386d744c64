using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Configuration;
using CiteLsp.Core.Diagnostics;
using CiteLsp.Core.Workspace;
using static CiteLsp.Tests.Diagnostics.TestCatalogs;

namespace CiteLsp.Tests.Diagnostics;

public class CitationRuleTests
{
    private static readonly Catalog Refs = Of("/p/refs.bib", "iozone", "smith2020", "knuth1984");
    private static readonly Catalog Library = Of("/home/zotero.bib", "vaswani2017", "knuth1984");

    private static IReadOnlyList<CiteDiagnostic> Check(string marked, BibliographyBackend backend, bool declares = true, DiagnosticLevel severity = DiagnosticLevel.Warning)
    {
        var (_, citations) = Cite(marked);
        return CitationRule.Check(citations, Scope(declares ? Refs : Catalog.Empty, Library, backend, declares), severity);
    }

    [Fact]
    public void Resolved_keys_give_nothing()
    {
        Assert.Empty(Check(@"\cite{[|smith2020|], [|knuth1984|]}", BibliographyBackend.Biber));
        Assert.Empty(Check(@"\nocite{[|*|]}", BibliographyBackend.Biber));
    }

    [Fact]
    public void An_unknown_key_names_the_key_and_where_the_server_looked()
    {
        var d = Assert.Single(Check(@"\cite{smith2020, [|nosuch2001|]}", BibliographyBackend.Bibtex, severity: DiagnosticLevel.Error));
        Assert.Equal(DiagnosticCodes.UnresolvedCitation, d.Code);
        Assert.Equal(DiagnosticLevel.Error, d.Severity);
        Assert.Equal("`nosuch2001` is not in refs.bib", d.Message);
        Assert.Equal((17, 10), (d.Span.Start, d.Span.Length));
        Assert.True(d.Unresolved);
        Assert.Null(d.LibraryPath);
    }

    [Fact]
    public void A_key_only_the_library_holds_says_so()
    {
        var d = Assert.Single(Check(@"\cite{[|vaswani2017|]}", BibliographyBackend.Biber));
        Assert.Equal("`vaswani2017` is not in refs.bib; found in the library: zotero.bib", d.Message);
        Assert.Equal("/home/zotero.bib", d.LibraryPath);
    }

    [Fact]
    public void Without_a_bibliography_keys_resolve_against_the_library()
    {
        Assert.Empty(Check(@"\cite{[|vaswani2017|]}", BibliographyBackend.Bibtex, declares: false));
        var d = Assert.Single(Check(@"\cite{[|smith2020|]}", BibliographyBackend.Bibtex, declares: false));
        Assert.Equal("`smith2020` is not in the library (zotero.bib); the document declares no bibliography", d.Message);
    }

    [Fact]
    public void Case_mismatch_is_a_warning_under_bibtex_and_unresolved_under_biber_and_pandoc()
    {
        var bibtex = Assert.Single(Check(@"\cite{[|IOzone|]}", BibliographyBackend.Bibtex, severity: DiagnosticLevel.Error));
        Assert.Equal(DiagnosticCodes.CaseMismatch, bibtex.Code);
        Assert.Equal(DiagnosticLevel.Warning, bibtex.Severity);
        Assert.False(bibtex.Unresolved);
        Assert.Equal("iozone", bibtex.CaseMatch);
        Assert.Contains("bibtex accepts it", bibtex.Message);

        foreach (var backend in new[] { BibliographyBackend.Biber, BibliographyBackend.Pandoc })
        {
            var d = Assert.Single(Check(@"\cite{[|IOzone|]}", backend, severity: DiagnosticLevel.Error));
            Assert.Equal(DiagnosticCodes.CaseMismatch, d.Code);
            Assert.Equal(DiagnosticLevel.Error, d.Severity);
            Assert.True(d.Unresolved);
            Assert.Equal($"`IOzone` is not in refs.bib: {backend.ToString().ToLowerInvariant()} matches keys exactly, and the entry is `iozone`", d.Message);
        }
    }

    [Fact]
    public void Keys_the_document_defines_itself_resolve()
    {
        var (_, citations) = Cite(@"\cite{[|inline1|]}");
        var scope = Scope(Refs, Library, BibliographyBackend.Bibtex) with { DefinedKeys = new HashSet<string> { "inline1" } };
        Assert.Empty(CitationRule.Check(citations, scope, DiagnosticLevel.Warning));
    }

    [Fact]
    public void Seed_catalog_files_get_a_readable_name() =>
        Assert.Equal("seed catalog", CitationRule.DisplayName("embedded:seeds/000_x.txt"));
}
