namespace CiteLsp.Tests.Server.Cli;

/// <summary>
/// `citelsp check` reports, for every corpus paper, exactly the unresolved keys the real tools report
/// (Data/Oracle/unresolved-expected.tsv, produced once by make-expected.sh with pdflatex+bibtex/biber and
/// pandoc --citeproc), except the disagreements listed with their reasons in known-disagreements.tsv.
/// </summary>
public class CompilerAgreementTests
{
    private sealed record Row(string Document, string Tool, string Backend, string Key);

    private static readonly List<Row> Oracle = Rows("unresolved-expected.tsv").Select(c => new Row(c[0], c[1], c[2], c[3])).ToList();
    private static readonly List<string[]> Known = Rows("known-disagreements.tsv");

    private static List<string[]> Rows(string file) =>
        File.ReadAllLines(Path.Combine(CheckRunner.OracleDir, file)).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).ToList();

    public static TheoryData<string> Documents => new(Oracle.Select(r => r.Document).Distinct());

    [Theory]
    [MemberData(nameof(Documents))]
    public void Unresolved_keys_match_the_compiler(string document)
    {
        var rows = Oracle.Where(r => r.Document == document).ToList();
        using var temp = new TempDir();
        var path = document.StartsWith("fixtures/", StringComparison.Ordinal) ? Path.Combine(CheckRunner.OracleDir, document)
            : document.EndsWith("#input", StringComparison.Ordinal) ? CheckRunner.ExtractPandocInput(Path.Combine(CheckRunner.Papers, document[..^6]), temp.Path)
            : Path.Combine(CheckRunner.Papers, document);
        var (code, json) = CheckRunner.Check(path);

        var expected = new SortedSet<string>(rows.Select(r => r.Key).Where(k => k.Length > 0), StringComparer.Ordinal);
        foreach (var k in Known.Where(k => k[0] == document))
        {
            if (k[2] == "oracle-only") { if (k[1] == "*") expected.Clear(); else Assert.True(expected.Remove(k[1]), $"stale disagreement {k[1]}"); }
            else expected.Add(k[1]);
        }
        Assert.Equal(expected, CheckRunner.UnresolvedKeys(json));
        Assert.Equal(expected.Count > 0 ? 1 : 0, code);

        // The backend the server assumes decides case matching: it must be the one the compiler used.
        var backend = rows[0].Backend.Split("backend=").Last();
        if (rows[0].Tool == "latex" && backend is "bibtex" or "biber")
            Assert.All(json.GetProperty("files").EnumerateArray(), f => Assert.Equal(backend, f.GetProperty("backend").GetString()));
    }

    [Fact]
    public void Every_corpus_paper_is_covered()
    {
        var roots = Directory.EnumerateFiles(CheckRunner.Papers, "*.tex", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("\\documentclass", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(Path.Combine(CheckRunner.Papers, "markdown"), "*.md", SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(CheckRunner.Papers, f).Replace('\\', '/'));
        Assert.Empty(roots.Except(Oracle.Select(r => r.Document)));
    }
}
