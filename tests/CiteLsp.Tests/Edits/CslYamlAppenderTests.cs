using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Edits;
using YamlDotNet.RepresentationModel;

namespace CiteLsp.Tests.Edits;

public class CslYamlAppenderTests
{
    private static readonly Entry Paper = new()
    {
        Key = "smith2020deep", Type = "article", Title = "Deep: learning", Authors = [new Person("Smith", "Ann"), new Person("Yes", "No")],
        Date = new PartialDate(2020, 5), Venue = "Nature",
    };

    private const string Item =
        "- id: smith2020deep\n  type: article-journal\n  title: \"Deep: learning\"\n  author:\n  - family: Smith\n    given: Ann\n"
        + "  - family: \"Yes\"\n    given: \"No\"\n  issued:\n    date-parts: [[2020, 5]]\n  container-title: Nature";

    /// <summary>Parses the YAML and returns the ids in the references list, to prove the result is valid.</summary>
    private static List<string> Ids(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(yaml));
        var root = stream.Documents[0].RootNode;
        var list = root as YamlSequenceNode ?? (YamlSequenceNode)((YamlMappingNode)root)["references"];
        return list.Cast<YamlMappingNode>().Select(m => ((YamlScalarNode)m["id"]).Value!).ToList();
    }

    [Fact]
    public void Appends_to_a_references_list()
    {
        var before = "references:\n- id: a\n  title: A\n- id: b\n  title: B\n";
        var after = CslYamlAppender.AppendToFile("refs.yaml", before, Paper)!.ApplyTo(before);
        Assert.Equal(before + Item + "\n", after);
        Assert.Equal(["a", "b", "smith2020deep"], Ids(after));
    }

    [Fact]
    public void Keeps_indentation_and_blank_line_separation()
    {
        var before = "references:\n  - id: a\n    title: A\n\n  - id: b\n    title: B\n\n";
        var after = CslYamlAppender.AppendToFile("refs.yaml", before, Paper)!.ApplyTo(before);
        var indented = string.Join("\n", Item.Split('\n').Select(l => "  " + l));
        Assert.Equal("references:\n  - id: a\n    title: A\n\n  - id: b\n    title: B\n\n" + indented + "\n\n", after);
        Assert.Equal(["a", "b", "smith2020deep"], Ids(after));
    }

    [Fact]
    public void Appends_before_the_next_top_level_key()
    {
        var before = "references:\n- id: a\n# trailing comment\n\nnocite: '@*'\n";
        var after = CslYamlAppender.AppendToFile("refs.yaml", before, Paper)!.ApplyTo(before);
        Assert.Equal("references:\n- id: a\n" + Item + "\n# trailing comment\n\nnocite: '@*'\n", after);
    }

    [Theory]
    [InlineData("references: []\n")]
    [InlineData("references:\n")]
    [InlineData("references:")]
    [InlineData("")]
    [InlineData("- id: a\n")]
    [InlineData("# CSL\n- id: a")]
    public void Creates_or_extends_the_list(string before)
    {
        var after = CslYamlAppender.AppendToFile("refs.yaml", before, Paper)!.ApplyTo(before);
        Assert.Equal("smith2020deep", Ids(after).Last());
    }

    [Theory]
    [InlineData("references:\n- id: smith2020deep\n")]
    [InlineData("references:\n- title: X\n  id: 'smith2020deep'\n")]
    [InlineData("references: [{id: a}]\n")]
    public void Refuses_existing_ids_and_flow_lists(string before) =>
        Assert.Null(CslYamlAppender.AppendToFile("refs.yaml", before, Paper));

    [Fact]
    public void Adds_to_front_matter_references()
    {
        var before = "---\ntitle: T\nreferences:\n- id: a\n---\n\nText [@a].\n";
        var after = CslYamlAppender.AppendToFrontMatter("doc.md", before, Paper)!.ApplyTo(before);
        Assert.Equal("---\ntitle: T\nreferences:\n- id: a\n" + Item + "\n---\n\nText [@a].\n", after);
    }

    [Fact]
    public void Adds_the_references_key_or_the_front_matter_when_missing()
    {
        var withMatter = "---\ntitle: T\nbibliography: refs.bib\n---\nText.\n";
        Assert.Equal("---\ntitle: T\nbibliography: refs.bib\nreferences:\n" + Item + "\n---\nText.\n",
            CslYamlAppender.AppendToFrontMatter("doc.md", withMatter, Paper)!.ApplyTo(withMatter));
        Assert.Equal("---\nreferences:\n" + Item + "\n---\n\nText.\n",
            CslYamlAppender.AppendToFrontMatter("doc.md", "Text.\n", Paper)!.ApplyTo("Text.\n"));
    }

    [Fact]
    public void Works_on_a_real_better_bibtex_export()
    {
        var path = Path.Combine(TestPaths.Corpus, "csl", "bbt-pandoc-schomd.csl.yml");
        var before = File.ReadAllText(path);
        var after = CslYamlAppender.AppendToFile(path, before, Paper)!.ApplyTo(before);
        var ids = Ids(after);
        Assert.Equal(Ids(before).Append("smith2020deep"), ids);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Deep nets (2nd ed.)", "Deep nets (2nd ed.)")]
    [InlineData("2020", "\"2020\"")]
    [InlineData("true", "\"true\"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("line\nbreak", "\"line\\nbreak\"")]
    [InlineData("Gödel", "Gödel")]
    public void Scalars_are_plain_only_when_unambiguous(string value, string expected) =>
        Assert.Equal(expected, CslYaml.Scalar(value));
}
