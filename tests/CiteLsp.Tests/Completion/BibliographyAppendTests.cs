using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Completion;

namespace CiteLsp.Tests.Completion;

public class BibliographyAppendTests
{
    private static readonly Entry Seed =
        Catalog.Build([CatalogLoader.Load(TestPaths.SeedListing)]).Find("nakkiran2019deep")!;

    private static string Apply(string text, TextInsertion i) => text[..i.Start] + i.NewText + text[(i.Start + i.Length)..];

    [Fact]
    public void Bibtex_is_appended_after_a_blank_line_and_parses_back()
    {
        var text = "@article{a, title = {A}}\n";
        var edit = BibliographyAppend.Create(Seed, "/w/refs.bib", text)!;
        Assert.Equal(text.Length, edit.Start);
        Assert.Equal(0, edit.Length);
        Assert.StartsWith("\n@misc{nakkiran2019deep,", edit.NewText);
        var parsed = CatalogLoader.Parse("/w/refs.bib", Apply(text, edit));
        Assert.Equal(["a", "nakkiran2019deep"], parsed.Entries.Select(e => e.Key));
        Assert.Equal(Seed.Title, parsed.Entries[1].Title);
        Assert.Empty(parsed.Diagnostics);
    }

    [Fact]
    public void Crlf_files_get_crlf_and_a_missing_final_newline_is_added()
    {
        var text = "@article{a, title = {A}}\r\n@article{b, title = {B}}";
        var edit = BibliographyAppend.Create(Seed, "/w/refs.bib", text)!;
        Assert.StartsWith("\r\n\r\n@misc{nakkiran2019deep,\r\n", edit.NewText);
        Assert.DoesNotContain("\r\r", edit.NewText, StringComparison.Ordinal);
        Assert.DoesNotMatch("[^\r]\n", edit.NewText);
    }

    [Fact]
    public void Csl_json_gets_a_new_array_item()
    {
        var text = "[\n  {\"id\": \"a\", \"type\": \"book\", \"title\": \"A\"}\n]\n";
        var result = Apply(text, BibliographyAppend.Create(Seed, "/w/refs.json", text)!);
        var parsed = CatalogLoader.Parse("/w/refs.json", result);
        Assert.Equal(["a", "nakkiran2019deep"], parsed.Entries.Select(e => e.Key));
        Assert.Equal(Seed.Title, parsed.Entries[1].Title);
        Assert.EndsWith("}\n]\n", result);

        var empty = "[]";
        Assert.Equal(["nakkiran2019deep"], CatalogLoader.Parse("/w/r.json", Apply(empty, BibliographyAppend.Create(Seed, "/w/r.json", empty)!)).Entries.Select(e => e.Key));
        Assert.Null(BibliographyAppend.Create(Seed, "/w/r.json", "{\"not\": \"a list\"}"));
    }

    [Fact]
    public void Csl_yaml_gets_a_flow_item_at_the_item_indentation()
    {
        var text = "references:\n  - id: a\n    type: book\n    title: A\n    author:\n      - family: Doe\n";
        var result = Apply(text, BibliographyAppend.Create(Seed, "/w/refs.yaml", text)!);
        Assert.Contains("\n  - {\"id\":\"nakkiran2019deep\"", result, StringComparison.Ordinal);
        var parsed = CatalogLoader.Parse("/w/refs.yaml", result);
        Assert.Equal(["a", "nakkiran2019deep"], parsed.Entries.Select(e => e.Key));
        Assert.Equal(Seed.Title, parsed.Entries[1].Title);
    }
}
