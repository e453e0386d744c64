using System.Text;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;

namespace CiteLsp.Tests.Fuzz;

/// <summary>
/// Fuzz findings too big to keep as files, rebuilt here from their pattern. Each once hung or crashed;
/// before its fix this test ran for minutes (the fuzz driver's hang watchdog flagged it at 10 s).
/// </summary>
public class FuzzFindingTests
{
    [Fact]
    public void Unsplittable_listing_line_with_twenty_thousand_names_parses_in_one_pass()
    {
        // fuzz seeds, finding 601d9223bd85: a 260 KB title+authors line with no glue point; the search for the
        // title/author split re-checked every later chunk for every chunk (quadratic in the author count).
        var authors = string.Join(", ", Enumerable.Range(0, 20_000).Select(i => i % 2 == 0 ? "Bomini Bansal" : "Gal Kaplun"));
        var line = $"For self-supervised learmini {authors}";
        var file = CatalogLoader.Parse("long.txt", $"LGOct 16, 2020\n{line}\nAn abstract.\n");
        var entry = Assert.Single(file.Entries);
        Assert.Equal(line, entry.Title);
        Assert.Equal("seed-unsplittable", Assert.Single(file.Diagnostics).Code);
    }

    [Fact]
    public void Markdown_line_of_two_hundred_thousand_unclosed_at_braces_scans_in_one_pass()
    {
        // fuzz markdown, slowest input: "@{" without a '}' searched to the end of the text for every '@' (9 s for 400 KB).
        var text = string.Concat(Enumerable.Repeat("@{", 200_000)) + "\n\nSee @{odd key}.";
        var citation = Assert.Single(MarkdownCitationScanner.Scan("a.md", text));
        Assert.Equal("odd key", citation.Key);
    }

    [Theory]
    [InlineData("- id: a\n  title: ", "[", "]")]
    [InlineData("", "- ", "x")]
    [InlineData("references:\n- id: a\n  note: ", "{a: ", "")]
    public void Deeply_nested_yaml_is_a_diagnostic_not_a_stack_overflow(string head, string open, string close)
    {
        // fuzz csl: YamlDotNet's node loader recursed once per level; 100,000 levels overflowed the stack and ended the process.
        var text = head + string.Concat(Enumerable.Repeat(open, 100_000)) + string.Concat(Enumerable.Repeat(close, 100_000)) + "\n";
        var file = CatalogLoader.Parse("deep.yaml", text);
        Assert.Empty(file.Entries);
        Assert.Contains(file.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Lone_surrogate_escape_in_csl_json_is_a_diagnostic()
    {
        // fuzz csl: "\ud800" is valid JSON syntax, but System.Text.Json throws InvalidOperationException reading it.
        var file = CatalogLoader.Parse("a.json", "[{\"id\": \"good\", \"title\": \"T\"}, {\"id\": \"x\\ud800\"}]");
        Assert.Equal("good", Assert.Single(file.Entries).Key);
        Assert.Equal("csl-syntax", Assert.Single(file.Diagnostics).Code);
    }

    [Fact]
    public void Long_line_of_paren_entries_without_keys_is_scanned_once()
    {
        // fuzz bibtex, hang a0d4ec3f0c94: "@misc(" x 43,000 then "ear=": each rejected key was rescanned from its start (23 s).
        var text = string.Concat(Enumerable.Repeat("@misc(", 40_000)) + "ear=\"2007\"\n}\n@article{good, title = {Kept}}\n";
        var file = CatalogLoader.Parse("a.bib", text);
        Assert.Equal("good", Assert.Single(file.Entries).Key);
        Assert.Contains(file.Diagnostics, d => d.Severity == Severity.Error);
    }
}
