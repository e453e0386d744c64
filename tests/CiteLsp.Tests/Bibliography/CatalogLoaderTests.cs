using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Bibliography;

public class CatalogLoaderTests
{
    [Theory]
    [InlineData("@article{a, title={T}}", "bibtex")]
    [InlineData("  [ {\"id\": \"a\"} ]", "csl-json")]
    [InlineData("- id: a\n  title: T\n", "csl-yaml")]
    [InlineData("references:\n- id: a\n", "csl-yaml")]
    [InlineData("", "empty")]
    public void Format_is_detected_from_the_content(string text, string format) =>
        Assert.Equal(format, CatalogLoader.Parse("whatever.txt", text).Format);

    [Fact]
    public void Unknown_content_is_a_catalog_format_error()
    {
        var d = Assert.Single(CatalogLoader.Parse("notes.txt", "just some notes\nwithout entries\n").Diagnostics);
        Assert.Equal(("catalog-format", Severity.Error), (d.Code, d.Severity));
    }

    [Fact]
    public void Invalid_utf8_falls_back_to_latin1_with_a_warning()
    {
        var path = Path.Combine(Path.GetTempPath(), $"citelsp-{Guid.NewGuid():N}.bib");
        File.WriteAllBytes(path, [.. "@misc{a, title = {Caf"u8, 0xE9, .. "}}"u8]);
        try
        {
            var file = CatalogLoader.Load(path);
            Assert.Equal("Café", Assert.Single(file.Entries).Title);
            Assert.Equal("catalog-encoding", Assert.Single(file.Diagnostics).Code);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Binary_content_is_an_error_not_a_crash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"citelsp-{Guid.NewGuid():N}.bib");
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        for (var i = 0; i < bytes.Length; i += 3) bytes[i] = 0;
        File.WriteAllBytes(path, bytes);
        try
        {
            var file = CatalogLoader.Load(path);
            Assert.Empty(file.Entries);
            Assert.Equal("catalog-binary", Assert.Single(file.Diagnostics).Code);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Utf8_bom_is_skipped()
    {
        var path = Path.Combine(Path.GetTempPath(), $"citelsp-{Guid.NewGuid():N}.bib");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. "@misc{k\u00e9, title = {\u00c9t\u00e9}}"u8]);
        try
        {
            var e = Assert.Single(CatalogLoader.Load(path).Entries);
            Assert.Equal(("k\u00e9", "\u00c9t\u00e9", 0), (e.Key, e.Title, e.Location.Start));
        }
        finally { File.Delete(path); }
    }
}
