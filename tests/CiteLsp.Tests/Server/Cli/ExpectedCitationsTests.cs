using System.Text.Json;

namespace CiteLsp.Tests.Server.Cli;

/// <summary>
/// The hand-checked traps of ../shared/corpus/EXPECTED-CITATIONS.tsv, each at the file and line it names:
/// case mismatches, unresolved keys, keys defined inline, and text that only looks like a key.
/// </summary>
public class ExpectedCitationsTests
{
    public static TheoryData<string, string, string, string> Rows()
    {
        var data = new TheoryData<string, string, string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(TestPaths.Corpus, "EXPECTED-CITATIONS.tsv")).Skip(1))
        {
            var c = line.Split('\t');
            foreach (var where in c[3].Split(' ', StringSplitOptions.RemoveEmptyEntries)) data.Add(c[0], c[1], c[2], where);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Trap_is_reported_as_expected(string paperDir, string key, string status, string where)
    {
        var colon = where.LastIndexOf(':');
        var file = Path.Combine(TestPaths.Corpus, paperDir, where[..colon]);
        var line = int.Parse(where[(colon + 1)..]);
        using var temp = new TempDir();
        if (paperDir.EndsWith("pandoc-citeproc-tests", StringComparison.Ordinal))
        {
            // pandoc's test files wrap their input in a ``` fence; the trap is in the input (which starts at line 3).
            file = CheckRunner.ExtractPandocInput(file, temp.Path);
            line -= 2;
        }
        var (_, json) = CheckRunner.Check(file, "--root", Path.Combine(TestPaths.Corpus, paperDir));
        var here = CheckRunner.Diagnostics(json).Where(d => d.GetProperty("line").GetInt32() == line).ToList();
        var forKey = here.Where(d => d.GetProperty("key").GetString() == key).ToList();
        switch (status)
        {
            case "case-mismatch":
                var d = Assert.Single(forKey);
                Assert.Equal("citation-case-mismatch", d.GetProperty("code").GetString());
                Assert.Contains(key.ToLowerInvariant(), d.GetProperty("message").GetString()!.ToLowerInvariant());
                break;
            case "unresolved" or "unresolved-locally":
                Assert.Contains(forKey, x => x.GetProperty("code").GetString() == "unresolved-citation" && x.GetProperty("unresolved").GetBoolean());
                break;
            case "NOT-a-key" when key == "(emails)":
                Assert.Empty(here);
                break;
            case "NOT-a-key" or "resolved-inline":
                Assert.Empty(forKey);
                break;
            default:
                Assert.Fail($"unknown status {status}");
                break;
        }
    }

    [Fact]
    public void A_chapter_opened_alone_resolves_against_its_root_bibliography()
    {
        // thammegowda: chapter/04-evaluation.tex has no \bibliography; body.tex (included by main1/main2) has it.
        var (_, json) = CheckRunner.Check(Path.Combine(TestPaths.Corpus, "papers/latex/thammegowda-dissertation/chapter/04-evaluation.tex"),
            "--root", Path.Combine(TestPaths.Corpus, "papers/latex/thammegowda-dissertation"));
        var file = json.GetProperty("files")[0];
        Assert.Contains("anthology.bib", file.GetProperty("catalogs").EnumerateArray().Select(c => c.GetProperty("path").GetString()!).First());
        Assert.Empty(CheckRunner.UnresolvedKeys(json));
        Assert.Equal(2, CheckRunner.Diagnostics(json).Count(x => x.GetProperty("code").GetString() == "citation-case-mismatch"));
    }
}
