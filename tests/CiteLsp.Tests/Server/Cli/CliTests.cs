using CiteLsp.Server.Cli;

namespace CiteLsp.Tests.Server.Cli;

public class CliTests
{
    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliMain.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Fact]
    public void Search_on_the_embedded_catalog_finds_double_descent_first()
    {
        var (code, output, _) = Run("search", "kaplun double descent");
        Assert.Equal(0, code);
        Assert.StartsWith("nakkiran2019deep ", output.Split('\n')[0]);
    }

    [Fact]
    public void Search_json_lists_keys_and_scores()
    {
        var (code, output, _) = Run("search", "corgi", "--json");
        Assert.Equal(0, code);
        Assert.Contains("\"key\": \"livne2023corgi\"", output);
        Assert.Contains("\"score\"", output);
    }

    [Fact]
    public void Search_without_match_exits_1()
    {
        var (code, output, err) = Run("search", "zzzzqqqq");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("no entry matches", err);
    }

    [Fact]
    public void Show_prints_the_entry_with_its_source()
    {
        var (code, output, _) = Run("show", "kaplun2022knowledge");
        Assert.Equal(0, code);
        Assert.Contains("title:    Knowledge Distillation: Bad Models Can Be Good Role Models", output);
        Assert.Contains("date:     2022-03-28", output);
        Assert.Contains("source:   embedded:seeds/002_f3577693f2d5ba08.txt:4:1", output);
    }

    [Fact]
    public void Show_unknown_key_exits_1_and_suggests_case_fix()
    {
        var (code, _, err) = Run("show", "Kaplun2022Knowledge");
        Assert.Equal(1, code);
        Assert.Contains("did you mean 'kaplun2022knowledge'", err);
    }

    [Fact]
    public void List_prints_twenty_rows()
    {
        var (code, output, err) = Run("list");
        Assert.Equal(0, code);
        Assert.Equal(21, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length); // header + 20
        Assert.Contains("20 entries", err);
    }

    [Fact]
    public void Export_csl_json_has_ids_equal_to_keys()
    {
        var (code, output, _) = Run("export", "--format", "csl-json");
        Assert.Equal(0, code);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var ids = doc.RootElement.EnumerateArray().Select(i => i.GetProperty("id").GetString()).ToList();
        Assert.Equal(20, ids.Count);
        Assert.Contains("nakkiran2019deep", ids);
    }

    [Fact]
    public void Export_bibtex_writes_one_entry_per_paper()
    {
        var path = Path.Combine(Path.GetTempPath(), $"citelsp-{Guid.NewGuid():N}.bib");
        try
        {
            var (code, output, _) = Run("export", "--format", "bibtex", "--output", path);
            Assert.Equal(0, code);
            Assert.Equal("", output);
            var text = File.ReadAllText(path);
            Assert.Equal(20, text.Split("\n@").Length);
            Assert.Contains("@misc{nakkiran2019deep,", text);
            Assert.Contains("month = dec,", text);
            // "Corgi^2" is plain text: a bare ^ would stop LaTeX with "Missing $ inserted".
            Assert.Contains(@"title = {Corgi\textasciicircum{}2: A Hybrid", text);
        }
        finally { File.Delete(path); }
    }

    [Theory]
    [InlineData("search")]
    [InlineData("show")]
    [InlineData("export")]
    [InlineData("export", "--format", "rtf")]
    [InlineData("list", "--bogus")]
    [InlineData("search", "x", "--limit", "zero")]
    [InlineData("frobnicate")]
    public void Usage_errors_exit_2(params string[] args) => Assert.Equal(2, Run(args).Code);

    [Fact]
    public void Missing_catalog_file_exits_2()
    {
        var (code, _, err) = Run("list", "--catalog", "/nonexistent/refs.bib");
        Assert.Equal(2, code);
        Assert.Contains("catalog not found", err);
    }

    [Fact]
    public void Damaged_catalog_reports_file_line_column_and_exits_1()
    {
        var path = Path.Combine(Path.GetTempPath(), $"citelsp-{Guid.NewGuid():N}.txt");
        var lines = File.ReadAllText(TestPaths.SeedListing).Split('\n').ToList();
        lines.Insert(6, "<<< noise >>>");
        File.WriteAllText(path, string.Join('\n', lines));
        try
        {
            var (code, output, err) = Run("list", "--catalog", path);
            Assert.Equal(1, code);
            Assert.Contains($"{path}:7:1: warning:", err);
            Assert.Equal(13, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        }
        finally { File.Delete(path); }
    }
}
