using System.Text;
using System.Text.RegularExpressions;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Oracles;

/// <summary>
/// The entries CiteLsp loads from every corpus .bib are the entries biber reads (Data/Oracle/biber-entries.tsv,
/// produced by tests/oracles/make-bib-expected.sh with `biber --tool --output-format=bibtex`), and the author
/// names of a sample (the first three entries with authors of each file) come out as biber parses them.
/// Where CiteLsp deliberately reads more or less than biber, biber-disagreements.tsv says why.
/// </summary>
public class BiberEntriesTests
{
    private static readonly string OracleDir = Path.Combine(TestPaths.RepoRoot, "tests", "CiteLsp.Tests", "Data", "Oracle");
    private static readonly List<string[]> Rows = Read("biber-entries.tsv");
    private static readonly List<string[]> Known = Read("biber-disagreements.tsv");

    private static List<string[]> Read(string file) =>
        File.ReadAllLines(Path.Combine(OracleDir, file)).Where(l => l.Length > 0 && l[0] != '#').Select(l => l.Split('\t')).ToList();

    public static TheoryData<string> Files => new(Rows.Where(r => r[1] is "entries" or "error").Select(r => r[0]).Distinct());

    [Theory]
    [MemberData(nameof(Files))]
    public void Loads_the_entries_biber_reads(string file)
    {
        var expected = new SortedSet<string>(Rows.Where(r => r[0] == file && r[1] == "key").Select(r => r[2]), StringComparer.Ordinal);
        var loaded = CatalogLoader.Load(TestPaths.CorpusFile(file));
        var ours = new SortedSet<string>(loaded.Entries.Select(e => e.Key), StringComparer.Ordinal);
        if (Known.Any(k => k[0] == file && k[1] == "*"))
        {
            // biber read nothing from this file (the reason is listed): it must still be so, and CiteLsp must read entries.
            Assert.Empty(expected);
            Assert.NotEmpty(ours);
            return;
        }
        foreach (var k in Known.Where(k => k[0] == file && k[1] is not ("author" or "*")))
        {
            if (k[2] == "biber-only") Assert.True(expected.Remove(k[1]), $"stale disagreement: biber no longer reads {k[1]}");
            else Assert.True(expected.Add(k[1]), $"stale disagreement: biber now reads {k[1]}");
        }
        Assert.Equal(expected, ours);
    }

    public static TheoryData<string, string, string> Authors
    {
        get
        {
            var data = new TheoryData<string, string, string>();
            foreach (var r in Rows.Where(r => r[1] == "author")) data.Add(r[0], r[2], r[3]);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Authors))]
    public void Renders_author_names_as_biber_parses_them(string file, string key, string biberAuthors)
    {
        if (Known.Any(k => k[0] == file && k[1] == "author" && k[2] == key))
        {
            Assert.NotEqual(Normalize(biberAuthors), Normalize(Render(Entry(file, key))));
            return; // a listed disagreement (the reason is in biber-disagreements.tsv); it must still be one
        }
        Assert.Equal(Normalize(biberAuthors), Normalize(Render(Entry(file, key))));
    }

    private static Entry Entry(string file, string key) =>
        CatalogLoader.Load(TestPaths.CorpusFile(file)).Entries.First(e => e.Key == key);

    /// <summary>BibTeX's "von Last, Jr, First and …" form, which biber writes back.</summary>
    private static string Render(Entry e)
    {
        var names = e.Authors.Select(p => p.Literal is { } literal ? literal
            : string.Join(", ", new[] { p.Family, p.Suffix, p.Given }.Where(s => s.Length > 0)));
        return string.Join(" and ", e.AuthorsTruncated ? names.Append("others") : names);
    }

    /// <summary>Braces and spacing are markup, not name content (biber keeps {ICML}-style protection).</summary>
    private static string Normalize(string s) =>
        Regex.Replace(s.Replace("{", "").Replace("}", ""), @"\s+", " ").Trim().Normalize(NormalizationForm.FormC);
}
