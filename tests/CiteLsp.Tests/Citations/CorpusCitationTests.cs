using CiteLsp.Core.Citations;
using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Citations;

/// <summary>The scanners on the real papers in ../shared/corpus/papers, checked against EXPECTED-CITATIONS.tsv.</summary>
public class CorpusCitationTests
{
    private static string Paper(string relative) => Path.Combine(TestPaths.Corpus, "papers", relative);

    private static IReadOnlyList<Citation> ScanFile(string relative)
    {
        var path = Paper(relative);
        var text = File.ReadAllText(path);
        return relative.EndsWith(".tex", StringComparison.Ordinal)
            ? LatexCitationScanner.Scan(path, text)
            : MarkdownCitationScanner.Scan(path, text);
    }

    /// <summary>1-based line numbers where key is cited.</summary>
    private static IReadOnlyList<int> LinesOf(string relative, string key)
    {
        var lines = new LineIndex(File.ReadAllText(Paper(relative)));
        return ScanFile(relative).Where(c => c.Key == key).Select(c => lines.GetPosition(c.KeySpan.Start).Line + 1).ToList();
    }

    public static TheoryData<string> AllDocuments()
    {
        var data = new TheoryData<string>();
        var root = Path.Combine(TestPaths.Corpus, "papers");
        foreach (var f in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            if (f.EndsWith(".tex", StringComparison.Ordinal) || f.EndsWith(".md", StringComparison.Ordinal) || f.EndsWith(".Rmd", StringComparison.Ordinal))
                data.Add(Path.GetRelativePath(root, f));
        return data;
    }

    [Theory]
    [MemberData(nameof(AllDocuments))]
    public void Spans_are_ordered_non_overlapping_and_hold_the_key(string relative)
    {
        var text = File.ReadAllText(Paper(relative));
        var found = ScanFile(relative);
        for (var i = 0; i < found.Count; i++)
        {
            var c = found[i];
            Assert.Equal(c.Key, text.Substring(c.KeySpan.Start, c.KeySpan.Length));
            Assert.True(c.CommandSpan.Start <= c.KeySpan.Start && c.KeySpan.End <= c.CommandSpan.End);
            Assert.DoesNotMatch(@"[\s,{}]", c.Key);
            if (i > 0) Assert.True(found[i - 1].KeySpan.End <= c.KeySpan.Start, $"overlap at {c.KeySpan.Start}");
        }
    }

    [Fact]
    public void Papers_have_citations() =>
        Assert.All(new[] { "latex/amortized-rsa/main.tex", "latex/flux-juliacon-paper/paper.tex", "markdown/fastpli-joss/paper.md", "markdown/adaptiveresonance-joss/paper.md" },
            f => Assert.True(ScanFile(f).Count >= 10, f));

    [Fact]
    public void Citefield_citename_citelist_field_names_are_not_keys()
    {
        const string f = "latex/biblatex-01-introduction/01-introduction.tex";
        Assert.Equal(["companion", "knuth:ct"], ScanFile(f).Select(c => c.Key).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(153, LinesOf(f, "companion")); // \citename{companion}{author}
        Assert.Contains(164, LinesOf(f, "companion")); // \citefield{companion}{title}
    }

    [Fact]
    public void Filecontents_keys_are_defined_inline()
    {
        const string f = "latex/biblatex-93-nameparts/93-nameparts.tex";
        Assert.Equal([446], LinesOf(f, "austen:jane"));
        var scan = LatexCitationScanner.Analyze(Paper(f), File.ReadAllText(Paper(f)));
        var embedded = Assert.Single(scan.EmbeddedFiles);
        Assert.Equal(@"\jobname.bib", embedded.Name);
        Assert.Contains("austen:jane", embedded.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(scan.Citations, c => c.KeySpan.Start >= embedded.Span.Start && c.KeySpan.Start < embedded.Span.End);
    }

    [Fact]
    public void Case_mismatched_keys_are_found_where_expected()
    {
        Assert.Equal([396], LinesOf("latex/thammegowda-dissertation/chapter/04-evaluation.tex", "Artetxe-2018-unmt-iclr"));
        Assert.Equal([211], LinesOf("latex/thammegowda-dissertation/chapter/06-robustness.tex", "Lample-2018-unmt-iclr"));
        Assert.Equal([359], LinesOf("latex/vegetation-map-rmd/submission/paper.tex", "Rcore"));
    }

    [Fact]
    public void Crossref_references_are_not_citations()
    {
        var dir = Paper("markdown/phd_thesis_markdown");
        var all = Directory.EnumerateFiles(dir, "*.md").SelectMany(f => MarkdownCitationScanner.Scan(f, File.ReadAllText(f))).ToList();
        Assert.Equal(["Cousteau1963"], all.Select(c => c.Key).Distinct());
        Assert.Empty(LinesOf("markdown/manubot-rootstock/02.delete-me.md", "fig:square-image"));
    }

    [Fact]
    public void Emails_in_front_matter_are_not_citations_but_raw_latex_cites_are()
    {
        const string f = "latex/vegetation-map-rmd/paper.Rmd";
        var found = ScanFile(f);
        Assert.DoesNotContain(found, c => c.Key.Contains("tsukuba", StringComparison.Ordinal) || c.Key.Contains("nies", StringComparison.Ordinal));
        Assert.Equal([52], LinesOf(f, "IPCC2007"));
        Assert.All(found, c => Assert.Equal(DocumentSyntax.Latex, c.Syntax));
    }

    [Fact]
    public void Manubot_prefixed_keys_and_aliases()
    {
        const string f = "markdown/manubot-rootstock/02.delete-me.md";
        Assert.Contains(100, LinesOf(f, "doi:10.7554/eLife.32822"));
        var scan = MarkdownCitationScanner.Analyze(Paper(f), File.ReadAllText(Paper(f)));
        Assert.Contains(scan.LinkKeys, k => k.Key == "deep-review");
        Assert.DoesNotContain(scan.Citations, c => c.Key.Contains('{'));
        Assert.DoesNotContain(ScanFile("markdown/manubot-rootstock/00.front-matter.md"), c => c.Key.Contains('{'));
    }

    [Fact]
    public void Pandoc_test_input_inside_its_fence()
    {
        const string f = "markdown/pandoc-citeproc-tests/pandoc-citeproc-chicago-author-date.md";
        Assert.Empty(ScanFile(f)); // the whole test case is one fenced code block
        // Its input part (between the command line and ^D) is a document of its own.
        var lines = File.ReadAllLines(Paper(f));
        var input = string.Join('\n', lines[2..Array.IndexOf(lines, "^D")]);
        var found = MarkdownCitationScanner.Scan(f, input);
        var index = new LineIndex(input);
        Assert.Equal([11, 13], found.Where(c => c.Key == "nonexistent").Select(c => index.GetPosition(c.KeySpan.Start).Line + 3));
        Assert.Contains(found, c => c.Key == "item1");
    }
}
