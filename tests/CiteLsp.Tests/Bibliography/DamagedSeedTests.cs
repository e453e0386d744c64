using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Bibliography;

/// <summary>Damaged copies of the seed files, made here: every good paper still loads, each problem is a warning with its line.</summary>
public class DamagedSeedTests
{
    private static string ProfileText => File.ReadAllText(TestPaths.SeedProfile);
    private static string ListingText => File.ReadAllText(TestPaths.SeedListing);

    private static int LineOf(CatalogFile f, CatalogDiagnostic d) => f.Lines.GetPosition(d.Span.Start).Line + 1;

    [Theory]
    [InlineData("profile")]
    [InlineData("listing")]
    public void Crlf_bom_and_extra_blank_lines_change_nothing(string which)
    {
        var text = which == "profile" ? ProfileText : ListingText;
        var clean = CatalogLoader.Parse("a.txt", text);
        var messy = CatalogLoader.Parse("a.txt", "\uFEFF\n\n" + text.Replace("\n", "\r\n\r\n"));
        Assert.Empty(messy.Diagnostics);
        Assert.Equal(clean.Entries.Select(e => (e.Title, e.Abstract, e.Date)), messy.Entries.Select(e => (e.Title, e.Abstract, e.Date)));
        Assert.Equal(clean.Entries.Select(e => string.Join(";", e.Authors)), messy.Entries.Select(e => string.Join(";", e.Authors)));
    }

    [Fact]
    public void Truncated_listing_keeps_complete_papers_and_warns_at_the_cut()
    {
        var lines = ListingText.Split('\n');
        // Cut after the title line of the 12th paper: its abstract is missing.
        var text = string.Join('\n', lines.Take(35));
        var file = CatalogLoader.Parse("cut.txt", text);
        Assert.Equal(12, file.Entries.Count);
        Assert.Null(file.Entries[^1].Abstract);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal("seed-missing-abstract", d.Code);
        Assert.Equal(35, LineOf(file, d));
    }

    [Fact]
    public void Truncated_listing_with_a_lone_header_warns()
    {
        var lines = ListingText.Split('\n');
        var file = CatalogLoader.Parse("cut.txt", string.Join('\n', lines.Take(34)));
        Assert.Equal(11, file.Entries.Count);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal("seed-missing-title", d.Code);
        Assert.Equal(34, LineOf(file, d));
    }

    [Fact]
    public void Truncated_profile_keeps_paper_without_abstract()
    {
        var lines = ProfileText.TrimEnd('\n').Split('\n');
        var file = CatalogLoader.Parse("cut.txt", string.Join('\n', lines[..^1]));
        Assert.Equal(10, file.Entries.Count);
        Assert.Null(file.Entries[^1].Abstract);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal("seed-missing-abstract", d.Code);
        Assert.Equal(lines.Length - 2, LineOf(file, d));
    }

    [Fact]
    public void A_line_that_fits_no_pattern_is_reported_and_skipped()
    {
        var lines = ListingText.Split('\n').ToList();
        lines.Insert(6, "<<< some page noise >>>"); // becomes line 7, between papers 2 and 3
        var file = CatalogLoader.Parse("noise.txt", string.Join('\n', lines));
        Assert.Equal(12, file.Entries.Count);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal("seed-unrecognized-line", d.Code);
        Assert.Equal(7, LineOf(file, d));
    }

    [Fact]
    public void A_garbage_line_between_profile_papers_is_reported()
    {
        var lines = ProfileText.Split('\n').ToList();
        lines.Insert(9, "Share this page");
        var file = CatalogLoader.Parse("noise.txt", string.Join('\n', lines));
        Assert.Equal(10, file.Entries.Count);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal(10, LineOf(file, d));
    }

    [Fact]
    public void Unknown_text_is_an_error_not_a_crash()
    {
        var file = CatalogLoader.Parse("x.txt", "hello\nworld\n");
        Assert.Empty(file.Entries);
        Assert.Equal("catalog-format", Assert.Single(file.Diagnostics).Code);
    }
}
