using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Fixes;

/// <summary>Quick fixes as WorkspaceEdits from the real server; the tests apply them like an editor would.</summary>
public class CodeActionTests
{
    private static async Task<JArray> ActionsAsync(FixesWorkspace w, string uri, string text, int offset)
    {
        await w.Client.NextDiagnosticsAsync(uri, d => d.Count > 0);
        var at = FixesWorkspace.Position(text, offset);
        return (JArray)await w.Client.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri }, range = new { start = at, end = at }, context = new { diagnostics = Array.Empty<object>() },
        });
    }

    private static string Titles(JArray actions) => string.Join(" | ", actions.Select(a => (string?)a["title"]));

    [Fact]
    public async Task Latex_typo_offers_closest_keys_and_removal()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var (uri, text, cursor) = await w.OpenAsync("paper.tex",
            "\\documentclass{article}\n\\begin{document}\nSee \\cite{knuth1984, smi$0ht2020}.\n\\bibliography{refs}\n\\end{document}\n", "latex");
        var actions = await ActionsAsync(w, uri, text, cursor);
        Assert.Equal("Replace with `smith2020` | Remove citation", Titles(actions));
        Assert.All(actions, a => Assert.Equal("quickfix", (string?)a["kind"]));
        Assert.Equal("unresolved-citation", (string?)actions[0]["diagnostics"]![0]!["code"]);
        Assert.Contains("\\cite{knuth1984, smith2020}", FixesWorkspace.Apply(actions[0]["edit"]!, uri, text));
        Assert.Contains("See \\cite{knuth1984}.", FixesWorkspace.Apply(actions[1]["edit"]!, uri, text));
    }

    [Fact]
    public async Task Case_mismatch_fix_is_preferred()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var (uri, text, cursor) = await w.OpenAsync("paper.tex",
            "\\documentclass{article}\n\\begin{document}\nSee \\cite{IOz$0one}.\n\\bibliography{refs}\n\\end{document}\n", "latex");
        var actions = await ActionsAsync(w, uri, text, cursor);
        Assert.Equal("Replace with `iozone`", (string?)actions[0]["title"]);
        Assert.True((bool?)actions[0]["isPreferred"]);
        Assert.Contains("\\cite{iozone}", FixesWorkspace.Apply(actions[0]["edit"]!, uri, text));
    }

    [Fact]
    public async Task Library_key_is_added_to_the_bib_file_without_writing_it()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var (uri, text, cursor) = await w.OpenAsync("paper.tex",
            "\\documentclass{article}\n\\begin{document}\nSee \\cite{vaswani$02017attention}.\n\\bibliography{refs}\n\\end{document}\n", "latex");
        var actions = await ActionsAsync(w, uri, text, cursor);
        var add = Assert.Single(actions, a => (string?)a["title"] == "Add `vaswani2017attention` to `refs.bib`");
        var refsUri = w.Dir.Uri("refs.bib");
        var after = FixesWorkspace.Apply(add["edit"]!, refsUri, FixesWorkspace.Refs);
        Assert.StartsWith(FixesWorkspace.Refs + "\n@inproceedings{vaswani2017attention,\n  title = {Attention Is All You Need},", after);
        Assert.Equal(FixesWorkspace.Refs, File.ReadAllText(Path.Combine(w.Dir.Path, "refs.bib")));
    }

    [Fact]
    public async Task Markdown_bracketed_citation_removal_and_csl_json_add()
    {
        await using var w = await FixesWorkspace.StartAsync();
        w.Dir.File("refs.json", "[\n  {\n    \"id\": \"smith2020\",\n    \"type\": \"article-journal\",\n    \"title\": \"Deep\"\n  }\n]\n");
        var (uri, text, cursor) = await w.OpenAsync("doc.md",
            "---\nbibliography: refs.json\n---\n\nSee [@smith2020, p. 3; @vaswani2017$0attention].\n", "markdown");
        var actions = await ActionsAsync(w, uri, text, cursor);
        Assert.Equal("Add `vaswani2017attention` to `refs.json` | Remove citation", Titles(actions));
        var json = FixesWorkspace.Apply(actions[0]["edit"]!, w.Dir.Uri("refs.json"), File.ReadAllText(Path.Combine(w.Dir.Path, "refs.json")));
        var items = JArray.Parse(json);
        Assert.Equal(["smith2020", "vaswani2017attention"], items.Select(i => (string?)i["id"]));
        Assert.Contains("See [@smith2020, p. 3].", FixesWorkspace.Apply(actions[1]["edit"]!, uri, text));
    }

    [Fact]
    public async Task No_actions_away_from_diagnostics_or_for_other_kinds()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var (uri, text, _) = await w.OpenAsync("paper.tex",
            "\\documentclass{article}\n\\begin{document}\nSee \\cite{nosuch}.\n\\bibliography{refs}\n\\end{document}\n", "latex");
        Assert.Empty(await ActionsAsync(w, uri, text, 3));
        var at = FixesWorkspace.Position(text, text.IndexOf("nosuch", StringComparison.Ordinal));
        Assert.Empty((JArray)await w.Client.RequestAsync("textDocument/codeAction", new
        {
            textDocument = new { uri }, range = new { start = at, end = at }, context = new { diagnostics = Array.Empty<object>(), only = new[] { "refactor" } },
        }));
    }
}
