using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Configuration;
using CiteLsp.Core.Diagnostics;
using CiteLsp.Core.Fixes;
using CiteLsp.Core.Workspace;
using static CiteLsp.Tests.Diagnostics.TestCatalogs;

namespace CiteLsp.Tests.Fixes;

public class CitationFixesTests
{
    private static readonly Catalog Refs = Of("/p/refs.bib", "iozone", "smith2020", "smith2021", "smyth2020", "knuth1984");
    private static readonly Catalog Library = Of("/home/zotero.bib", "vaswani2017attention");
    private const string RefsText = "@misc{iozone,\n  title = {IOzone},\n}\n";

    private static (IReadOnlyList<CodeFix> Fixes, string Text) Fixes(string marked, BibliographyBackend backend = BibliographyBackend.Biber, string[]? ranked = null)
    {
        var (text, citations) = Cite(marked);
        var scope = Scope(Refs, Library, backend);
        var d = CitationRule.Check(citations[0], scope, DiagnosticLevel.Warning)!;
        var target = new BibliographyTarget("/p/refs.bib", RefsText, TargetFormat.Bibtex);
        return (CitationFixes.For(d, citations[0], text, citations, scope, () => target, ranked is null ? null : () => ranked), text);
    }

    [Fact]
    public void A_typo_offers_the_three_closest_keys_then_removal()
    {
        var (fixes, text) = Fixes(@"\cite{[|smiht2020|]}");
        Assert.Equal(["Replace with `smith2020`", "Replace with `smith2021`", "Replace with `smyth2020`", "Remove citation"], fixes.Select(f => f.Title));
        Assert.Equal(@"\cite{smith2020}", fixes[0].Edits.Single().ApplyTo(text));
        Assert.Equal("", fixes[3].Edits.Single().ApplyTo(text));
    }

    [Fact]
    public void A_case_mismatch_offers_the_exact_key_first_and_preferred()
    {
        var (fixes, text) = Fixes(@"\cite{[|IOzone|]}", BibliographyBackend.Bibtex);
        Assert.Equal("Replace with `iozone`", fixes[0].Title);
        Assert.True(fixes[0].Preferred);
        Assert.Equal(@"\cite{iozone}", fixes[0].Edits.Single().ApplyTo(text));
        Assert.Single(fixes, f => f.Title == "Replace with `iozone`");
    }

    [Fact]
    public void A_library_key_offers_to_add_its_entry_to_the_bibliography_file()
    {
        var (fixes, _) = Fixes(@"\cite{[|vaswani2017attention|]}");
        var add = Assert.Single(fixes, f => f.Title == "Add `vaswani2017attention` to `refs.bib`");
        var edit = Assert.Single(add.Edits);
        Assert.Equal("/p/refs.bib", edit.Path);
        Assert.Equal(RefsText + "\n@misc{vaswani2017attention,\n  title = {Title of vaswani2017attention},\n}\n", edit.ApplyTo(RefsText));
        Assert.True(add.Preferred);
    }

    [Fact]
    public void Ranked_keys_fill_up_after_edit_distance_and_only_keys_that_resolve()
    {
        var (fixes, _) = Fixes(@"\cite{[|knuth|]}", ranked: ["knuth1984", "vaswani2017attention", "nosuch", "knuth1984"]);
        Assert.Equal(["Replace with `knuth1984`", "Remove citation"], fixes.Select(f => f.Title));
        var (typo, _) = Fixes(@"\cite{[|smiht2020|]}", ranked: ["knuth1984"]);
        Assert.Equal(["Replace with `smith2020`", "Replace with `smith2021`", "Replace with `smyth2020`", "Remove citation"], typo.Select(f => f.Title));
    }
}
