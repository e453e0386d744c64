using System.Text.Json;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Edits;

namespace CiteLsp.Tests.Edits;

public class CslJsonAppenderTests
{
    private static readonly Entry Paper = new()
    {
        Key = "smith2020deep", Type = "article", Title = "Deep \"Learning\"", Authors = [new Person("Smith", "Ann")],
        Date = new PartialDate(2020, 5),
    };

    private static string Apply(string before)
    {
        var edit = CslJsonAppender.Append("refs.json", before, Paper);
        Assert.NotNull(edit);
        var after = edit.ApplyTo(before);
        using var doc = JsonDocument.Parse(after);
        var last = doc.RootElement.EnumerateArray().Last();
        Assert.Equal("smith2020deep", last.GetProperty("id").GetString());
        Assert.Equal("Deep \"Learning\"", last.GetProperty("title").GetString());
        return after;
    }

    [Fact]
    public void Inserts_after_the_last_item_at_its_indentation()
    {
        var before = "[\n  {\n    \"id\": \"a\",\n    \"type\": \"book\"\n  }\n]\n";
        var after = Apply(before);
        Assert.StartsWith("[\n  {\n    \"id\": \"a\",\n    \"type\": \"book\"\n  },\n  {\n    \"id\": \"smith2020deep\",\n    \"type\": \"article-journal\",", after);
        Assert.EndsWith("\n    \"issued\": {\n      \"date-parts\": [\n        [\n          2020,\n          5\n        ]\n      ]\n    }\n  }\n]\n", after);
    }

    [Fact]
    public void Follows_items_at_column_zero_and_tab_indentation()
    {
        var before = "[\n{\n\t\"id\": \"a\"\n}\n]";
        var after = Apply(before);
        Assert.Contains("},\n{\n\t\"id\": \"smith2020deep\",\n\t\"type\"", after);
        Assert.EndsWith("\n}\n]", after);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("[\n]\n")]
    [InlineData("  [ ]  ")]
    public void Fills_an_empty_array(string before)
    {
        var after = Apply(before);
        Assert.Contains("[\n  {\n    \"id\": \"smith2020deep\"", after);
    }

    [Fact]
    public void A_one_line_file_stays_one_line()
    {
        var after = Apply("[{\"id\":\"a\"}]");
        Assert.DoesNotContain("\n", after);
        Assert.StartsWith("[{\"id\":\"a\"}, {\"id\":\"smith2020deep\",", after);
    }

    [Fact]
    public void Keeps_crlf()
    {
        var after = Apply("[\r\n  {\r\n    \"id\": \"a\"\r\n  }\r\n]\r\n");
        Assert.DoesNotContain("\n", after.Replace("\r\n", ""));
    }

    [Theory]
    [InlineData("[{\"id\": \"smith2020deep\"}]")]
    [InlineData("{\"items\": []}")]
    [InlineData("[{\"id\": \"a\"")]
    [InlineData("")]
    public void Refuses_existing_ids_and_non_arrays(string before) =>
        Assert.Null(CslJsonAppender.Append("refs.json", before, Paper));

    [Fact]
    public void Works_on_a_real_export()
    {
        var path = Path.Combine(TestPaths.Corpus, "papers", "markdown", "manubot-rootstock", "manual-references.json");
        var before = File.ReadAllText(path);
        var after = Apply(before);
        Assert.StartsWith(before.TrimEnd()[..^1].TrimEnd(), after, StringComparison.Ordinal);
        Assert.Contains("},\n{\n  \"id\": \"smith2020deep\",", after);
    }
}
