using CiteLsp.Server.Cli;

namespace CiteLsp.Tests.Server.Cli;

/// <summary>list and search read every catalog format, and several --catalog options merge.</summary>
public class CatalogFormatsCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliMain.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    private static readonly string Bib = TestPaths.CorpusFile("bib/tricky/biblatex-examples.bib");
    private static readonly string Json = TestPaths.CorpusFile("csl/bbt-deterministic-ordering-1178.csl.json");
    private static readonly string Yaml = TestPaths.CorpusFile("csl/bbt-pandoc-schomd.csl.yml");

    [Theory]
    [InlineData("bib/tricky/biblatex-examples.bib", "aksin", 92)]
    [InlineData("csl/deep-review-manual-references-2020-01-29.json", "3qm8sXnB", 602)]
    [InlineData("csl/bbt-pandoc-schomd.csl.yml", "Adams2001", 4)]
    public void List_reads_each_format(string relative, string key, int count)
    {
        var (code, output, err) = Run("list", "--catalog", TestPaths.CorpusFile(relative));
        Assert.Equal(0, code);
        Assert.Contains(key, output);
        Assert.Contains($"{count} entries", err);
    }

    [Fact]
    public void List_reads_the_seed_format_too()
    {
        var seed = Directory.GetFiles(Path.Combine(TestPaths.RepoRoot, "seeds"), "*.txt")[0];
        var (_, output, err) = Run("list", "--catalog", seed);
        Assert.Matches(@"^[1-9]\d* entries", err.Split('\n').First(l => l.EndsWith("entries", StringComparison.Ordinal)));
        Assert.True(output.Split('\n').Length > 2);
    }

    [Fact]
    public void Several_catalogs_merge()
    {
        var (_, output, err) = Run("list", "--catalog", Bib, "--catalog", Json, "--catalog", Yaml);
        Assert.Contains("aksin", output);
        Assert.Contains("Adams2001", output);
        var json = CiteLsp.Core.Bibliography.CatalogLoader.Load(Json).Entries.Count;
        Assert.Contains($"{92 + json + 4} entries", err);
    }

    [Fact]
    public void Search_finds_entries_in_bib_json_and_yaml()
    {
        var (code, output, _) = Run("search", "Mizoroki", "--catalog", Bib, "--catalog", Yaml);
        Assert.Equal(0, code);
        Assert.Contains("aksin", output);
        (code, output, _) = Run("search", "Volcanology", "--catalog", Yaml, "--json");
        Assert.Equal(0, code);
        Assert.Contains("\"key\": \"Adams2001\"", output);
    }
}
