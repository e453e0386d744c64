using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Csl;

namespace CiteLsp.Tests.Bibliography;

public class CslTests
{
    /// <summary>Items with a non-empty id, counted independently with Python's json and PyYAML (safe_load).</summary>
    [Theory]
    [InlineData("bbt-date-export-360.csl.json", "csl-json", 15)]
    [InlineData("bbt-deterministic-ordering-1178.csl.json", "csl-json", 26)]
    [InlineData("deep-review-manual-references-2020-01-29.json", "csl-json", 602)]
    [InlineData("bbt-csl-yaml-import.yml", "csl-yaml", 11)]
    [InlineData("bbt-pandoc-schomd.csl.yml", "csl-yaml", 4)]
    public void Corpus_file_loads_with_the_expected_item_count(string name, string format, int count)
    {
        var file = CatalogLoader.Load(TestPaths.CorpusFile("csl/" + name));
        Assert.Equal(format, file.Format);
        Assert.Equal(count, file.Entries.Count);
        Assert.DoesNotContain(file.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void Csl_json_item_fields()
    {
        var path = TestPaths.CorpusFile("csl/deep-review-manual-references-2020-01-29.json");
        var file = CatalogLoader.Load(path);
        var e = file.Entries[0];
        Assert.Equal(("3qm8sXnB", "techreport", "HOGWILD!: A Lock-Free Approach to Parallelizing Stochastic Gradient Descent"), (e.Key, e.Type, e.Title));
        Assert.Equal(["Feng Niu", "Benjamin Recht", "Christopher Re", "Stephen J. Wright"], e.Authors.Select(a => a.DisplayName));
        Assert.Equal((new PartialDate(2011, 11, 14), "arXiv", "https://arxiv.org/abs/1106.5730"), (e.Date, e.Venue, e.Url));
        Assert.StartsWith("Stochastic Gradient Descent (SGD) is a popular", e.Abstract);
        var text = File.ReadAllText(path);
        Assert.Equal("3qm8sXnB", text.Substring(e.KeyLocation.Start, e.KeyLocation.Length));
        Assert.Equal('{', text[e.Location.Start]);
        Assert.Equal('}', text[e.Location.End - 1]);
    }

    [Fact]
    public void Csl_yaml_item_fields_and_positions()
    {
        var path = TestPaths.CorpusFile("csl/bbt-pandoc-schomd.csl.yml");
        var e = CatalogLoader.Load(path).Entries.Single(x => x.Key == "Adams2001");
        Assert.Equal(7, e.Authors.Count);
        Assert.Equal(new Person("Adams", "Nancy K"), e.Authors[0]);
        Assert.Equal(("Bulletin of Volcanology", 2014), (e.Venue, e.Year));
        var text = File.ReadAllText(path);
        Assert.Equal("Adams2001", text.Substring(e.KeyLocation.Start, e.KeyLocation.Length));
    }

    [Fact]
    public void Markdown_front_matter_references()
    {
        const string doc = "---\ntitle: Paper\nreferences:\n- id: smith2020\n  type: article-journal\n  title: A Study\n  author:\n  - family: Smith\n    given: Ann\n  - literal: The Team\n  issued:\n    date-parts: [[2020, 2]]\n  container-title: Journal\n  DOI: 10.1/abc\n- id: \"doe\"\n  issued: 2019-05-03\n...\n# Body [@smith2020]\n";
        var file = CatalogLoader.Parse("paper.md", doc);
        Assert.Equal("csl-yaml", file.Format);
        Assert.Equal(["smith2020", "doe"], file.Entries.Select(e => e.Key));
        var e = file.Entries[0];
        Assert.Equal(("article", "A Study", new PartialDate(2020, 2), "Journal", "10.1/abc"), (e.Type, e.Title, e.Date, e.Venue, e.Doi));
        Assert.Equal([new Person("Smith", "Ann"), Person.Corporate("The Team")], e.Authors);
        Assert.Equal("smith2020", doc.Substring(e.KeyLocation.Start, e.KeyLocation.Length));
        Assert.Equal("doe", doc.Substring(file.Entries[1].KeyLocation.Start, 3));
        Assert.Equal(new PartialDate(2019, 5, 3), file.Entries[1].Date);

        // The Markdown side hands over just the front matter text and where it starts.
        var start = doc.IndexOf("title:", StringComparison.Ordinal);
        var fm = CslYamlParser.ParseFrontMatter("paper.md", doc[start..doc.IndexOf("...", StringComparison.Ordinal)], start);
        Assert.Equal(e.KeyLocation, fm.Entries[0].KeyLocation);
    }

    [Fact]
    public void Names_with_nothing_in_them_are_left_out()
    {
        var file = CatalogLoader.Parse("x.json", """[{"id":"a","author":["", {"family":" "}, "The Team", {"family":"Smith"}]}]""");
        Assert.Equal([Person.Corporate("The Team"), new Person("Smith")], Assert.Single(file.Entries).Authors);
    }

    [Fact]
    public void Raw_and_literal_dates()
    {
        var file = CatalogLoader.Parse("x.json", """[{"id":"a","issued":{"raw":"2018-03"}},{"id":"b","issued":{"literal":"Spring 2017"}},{"id":"c","issued":{"date-parts":[["2016","1","2"]]}},{"title":"no id"}]""");
        Assert.Equal([new(2018, 3), new(2017), new(2016, 1, 2)], file.Entries.Select(e => e.Date));
        Assert.Single(file.Diagnostics, d => d.Code == "csl-missing-id");
    }

    [Theory]
    [InlineData("x.json", "[{\"id\": \"a\", \"title\": ")]
    [InlineData("x.json", "[{\"id\": \"a\"},, ]")]
    [InlineData("x.yaml", "- id: a\n  title: [unclosed\n")]
    [InlineData("x.yaml", "---\nreferences:\n  - id: a\n   bad: indent\n")]
    public void Invalid_json_and_yaml_give_a_diagnostic(string path, string text)
    {
        var file = CatalogLoader.Parse(path, text);
        Assert.Contains(file.Diagnostics, d => d.Code == "csl-syntax" && d.Span.Start >= 0 && d.Span.Start <= text.Length);
    }

    [Fact]
    public void Yaml_alias_bomb_is_cut_off()
    {
        var yaml = "---\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (var i = 1; i < 9; i++) yaml += $"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]\n";
        yaml += "references:\n- id: bomb\n  title: T\n  note: *a8\n";
        var file = CatalogLoader.Parse("x.yaml", yaml);
        Assert.Equal("bomb", Assert.Single(file.Entries).Key);
    }
}
