using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CiteLsp.Tests.Server.Fixes;

/// <summary>Definition, references, rename, document and workspace symbols over stdio, in LaTeX and Markdown.</summary>
public class NavigationTests
{
    private const string Main = "\\documentclass{article}\n\\begin{document}\nIntro \\cite{smith2020}.\n\\input{chapters/one}\n\\bibliography{refs}\n\\end{document}\n";
    private const string Chapter = "More \\citep[p.~2]{knuth1984, smith2020} and \\cite{Smith2020}.\n";

    private static async Task<(FixesWorkspace W, string Uri, string Text)> ProjectAsync()
    {
        var w = await FixesWorkspace.StartAsync();
        Directory.CreateDirectory(Path.Combine(w.Dir.Path, "chapters"));
        w.Dir.File("chapters/one.tex", Chapter);
        w.Dir.File("notes.md", "---\nbibliography: refs.bib\n---\nSee @smith2020.\n");
        var (uri, text, _) = await w.OpenAsync("main.tex", Main, "latex");
        await w.Client.NextDiagnosticsAsync(uri);
        return (w, uri, text);
    }

    private static (string Uri, int Line, int Character) Where(JToken location) =>
        ((string)location["uri"]!, (int)location["range"]!["start"]!["line"]!, (int)location["range"]!["start"]!["character"]!);

    [Fact]
    public async Task Definition_goes_to_the_bib_entry_key_and_to_the_seed_catalog()
    {
        var (w, uri, text) = await ProjectAsync();
        await using var _ = w;
        var location = await w.Client.RequestAsync("textDocument/definition", FixesWorkspace.At(uri, text, text.IndexOf("smith2020", StringComparison.Ordinal) + 2));
        Assert.Equal((w.Dir.Uri("refs.bib"), 4, 9), Where(location));

        var (mdUri, mdText, cursor) = await w.OpenAsync("draft.md", "Seeds: [@nakkiran$02019deep].\n", "markdown");
        await w.Client.NextDiagnosticsAsync(mdUri);
        var seed = await w.Client.RequestAsync("textDocument/definition", FixesWorkspace.At(mdUri, mdText, cursor));
        var seedPath = new Uri((string)seed["uri"]!).LocalPath;
        Assert.True(File.Exists(seedPath), seedPath);
        Assert.Equal(JTokenType.Object, seed.Type);
    }

    [Fact]
    public async Task References_find_every_citation_in_the_project_and_the_definition()
    {
        var (w, uri, text) = await ProjectAsync();
        await using var _ = w;
        var position = FixesWorkspace.Position(text, text.IndexOf("smith2020", StringComparison.Ordinal));
        var refs = (JArray)await w.Client.RequestAsync("textDocument/references", new
        {
            textDocument = new { uri }, position, context = new { includeDeclaration = true },
        });
        var found = refs.Select(Where).OrderBy(r => r.Uri, StringComparer.Ordinal).ThenBy(r => r.Line).ThenBy(r => r.Character).ToList();
        Assert.Equal(
            // "Smith2020" is the same entry for bibtex (letter case aside).
            [(w.Dir.Uri("chapters/one.tex"), 0, 29), (w.Dir.Uri("chapters/one.tex"), 0, 50), (uri, 2, 12), (w.Dir.Uri("notes.md"), 3, 5), (w.Dir.Uri("refs.bib"), 4, 9)],
            found);
    }

    [Fact]
    public async Task Rename_changes_the_entry_and_every_citation_in_one_edit_and_refuses_clashes()
    {
        var (w, uri, text) = await ProjectAsync();
        await using var _ = w;
        var offset = text.IndexOf("smith2020", StringComparison.Ordinal) + 3;
        var prepared = await w.Client.RequestAsync("textDocument/prepareRename", FixesWorkspace.At(uri, text, offset));
        Assert.Equal("smith2020", (string?)prepared["placeholder"]);
        Assert.Equal(12, (int)prepared["range"]!["start"]!["character"]!);

        var position = FixesWorkspace.Position(text, offset);
        var edit = await w.Client.RequestAsync("textDocument/rename", new { textDocument = new { uri }, position, newName = "smith2020deep" });
        var changes = (JObject)edit["changes"]!;
        Assert.Equal(4, changes.Count);
        Assert.Contains("\\cite{smith2020deep}", FixesWorkspace.Apply(edit, uri, text));
        Assert.Equal("More \\citep[p.~2]{knuth1984, smith2020deep} and \\cite{smith2020deep}.\n", FixesWorkspace.Apply(edit, w.Dir.Uri("chapters/one.tex"), Chapter));
        Assert.Contains("@article{smith2020deep,", FixesWorkspace.Apply(edit, w.Dir.Uri("refs.bib"), FixesWorkspace.Refs));

        var clash = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            w.Client.RequestAsync("textDocument/rename", new { textDocument = new { uri }, position, newName = "Knuth1984" }));
        Assert.Contains("already used by knuth1984", clash.Message);
        var invalid = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            w.Client.RequestAsync("textDocument/rename", new { textDocument = new { uri }, position, newName = "two words" }));
        Assert.Contains("not a valid citation key", invalid.Message);
    }

    [Fact]
    public async Task Rename_from_the_bib_file_and_refusal_for_library_keys()
    {
        var (w, uri, text) = await ProjectAsync();
        await using var _ = w;
        var bibUri = w.Dir.Uri("refs.bib");
        await w.Client.OpenAsync(bibUri, FixesWorkspace.Refs, "bibtex");
        var offset = FixesWorkspace.Refs.IndexOf("knuth1984", StringComparison.Ordinal) + 1;
        var edit = await w.Client.RequestAsync("textDocument/rename", new { textDocument = new { uri = bibUri }, position = FixesWorkspace.Position(FixesWorkspace.Refs, offset), newName = "knuth84" });
        Assert.Contains("@book{knuth84,", FixesWorkspace.Apply(edit, bibUri, FixesWorkspace.Refs));
        Assert.Contains("{knuth1984, smith2020}".Replace("knuth1984", "knuth84"), FixesWorkspace.Apply(edit, w.Dir.Uri("chapters/one.tex"), Chapter));

        var (mdUri, mdText, cursor) = await w.OpenAsync("draft.md", "---\nbibliography: refs.bib\n---\nSee [@vaswani$02017attention].\n", "markdown");
        await w.Client.NextDiagnosticsAsync(mdUri, d => d.Count > 0);
        var refused = await Assert.ThrowsAsync<RemoteInvocationException>(() =>
            w.Client.RequestAsync("textDocument/prepareRename", FixesWorkspace.At(mdUri, mdText, cursor)));
        Assert.Contains("cannot be renamed", refused.Message);
    }

    [Fact]
    public async Task Bib_outline_and_workspace_symbols()
    {
        var (w, _, _) = await ProjectAsync();
        await using var __ = w;
        var bibUri = w.Dir.Uri("refs.bib");
        await w.Client.OpenAsync(bibUri, FixesWorkspace.Refs, "bibtex");
        var symbols = (JArray)await w.Client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri = bibUri } });
        Assert.Equal(["iozone", "smith2020", "knuth1984"], symbols.Select(s => (string?)s["name"]));
        Assert.Equal("Deep Learning for Everything", (string?)symbols[1]["detail"]);
        Assert.Equal(4, (int)symbols[1]["selectionRange"]!["start"]!["line"]!);

        var found = (JArray)await w.Client.RequestAsync("workspace/symbol", new { query = "texbook knuth" });
        Assert.Equal("knuth1984", (string?)found[0]["name"]);
        Assert.Equal(bibUri, (string?)found[0]["location"]!["uri"]);
        Assert.Equal("refs.bib", (string?)found[0]["containerName"]);
    }

    /// <summary>A library open in the editor: its outline has a symbol per entry and takes a while to make; the
    /// requests that follow are answered meanwhile, not after it.</summary>
    [Fact]
    public async Task A_big_outline_does_not_hold_up_the_requests_after_it()
    {
        using var dir = new TempDir();
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        await client.NextStatusAsync();
        var bib = string.Concat(Enumerable.Range(0, 20_000).Select(i =>
            $"@article{{key{i},\n  author = {{Doe, Jane and Roe, Richard}},\n  title = {{A study of things, part {i}}},\n  journal = {{Journal of Studies}},\n  year = {{2019}},\n}}\n\n"));
        var uri = dir.Uri("library.bib");
        await client.OpenAsync(uri, bib, "bibtex");

        var done = new List<string>();
        var outline = client.RequestAsync("textDocument/documentSymbol", new { textDocument = new { uri } }).ContinueWith(t => { lock (done) done.Add("outline"); return t.Result; });
        var search = client.RequestAsync("citelsp/search", new { query = "double descent", limit = 3 }).ContinueWith(t => { lock (done) done.Add("search"); return t.Result; });
        await Task.WhenAll(outline, search);

        Assert.Equal(["search", "outline"], done);
        var symbols = (JArray)await outline;
        Assert.Equal(20_000, symbols.Count);
        var last = symbols[^1]!;
        Assert.Equal(("key19999", "A study of things, part 19999", 7 * 19_999), ((string?)last["name"], (string?)last["detail"], (int)last["range"]!["start"]!["line"]!));
    }
}
