using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server;

/// <summary>
/// Which catalog applies to a document: bibliographies declared in LaTeX (directly or through the root
/// document) and in Markdown front matter, over the real process. Catalog files hold seed-format text
/// (recognised by content, whatever the extension).
/// </summary>
public class DiscoveryTests
{
    private static readonly object NoSeeds = new { seeds = new { enabled = false } };

    private static async Task<JArray> FilesAsync(LspClient client, string uri) =>
        (JArray)(await client.RequestAsync("citelsp/bibliographies", new { textDocument = new { uri } }))["files"]!;

    [Fact]
    public async Task Latex_bibliography_command_declares_the_documents_bibliography()
    {
        using var dir = new TempDir();
        var refs = dir.File("refs.bib", SeedCatalogs.Profile(3, "Zebra"));
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: NoSeeds, rootPath: dir.Path);
        await client.NextStatusAsync();
        var uri = dir.Uri("main.tex");
        await client.OpenAsync(uri, "\\documentclass{article}\n\\begin{document}\n\\cite{x}\n\\bibliography{refs}\n\\end{document}\n");
        Assert.Equal(3, (int)(await client.NextStatusAsync())["entries"]!);

        var file = Assert.Single(await FilesAsync(client, uri));
        Assert.Equal(refs, (string?)file["path"]);
        Assert.Equal("bibliography", (string?)file["role"]);
        Assert.Equal("\\bibliography{refs} in main.tex:4", (string?)file["reason"]);
        var items = (JArray)(await client.RequestAsync("citelsp/search", new { query = "zebra", textDocument = new { uri } }))["items"]!;
        Assert.Equal(3, items.Count);
        Assert.All(items, i => Assert.Equal("bibliography", (string?)i["source"]));
    }

    [Fact]
    public async Task A_real_bibtex_file_is_searchable_by_its_keys()
    {
        using var dir = new TempDir();
        dir.File("refs.bib", "@book{knuth1984,\n  title = {The {\\TeX}book},\n  author = {Knuth, Donald E.},\n  year = {1984},\n  publisher = {Addison-Wesley}\n}\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: NoSeeds, rootPath: dir.Path);
        await client.NextStatusAsync();
        var uri = dir.Uri("paper.md");
        await client.OpenAsync(uri, "---\nbibliography: refs.bib\n---\nSee [@knuth1984].\n", "markdown");
        Assert.Equal(1, (int)(await client.NextStatusAsync())["entries"]!);
        var item = Assert.Single((JArray)(await client.RequestAsync("citelsp/search", new { query = "texbook", textDocument = new { uri } }))["items"]!);
        Assert.Equal("knuth1984", (string?)item["key"]);
        Assert.Equal(1984, (int)item["year"]!);
        Assert.Equal(["Donald E. Knuth"], ((JArray)item["authors"]!).Select(a => (string)a!));
        Assert.Equal("bibliography", (string?)item["source"]);
    }

    [Fact]
    public async Task A_chapter_opened_alone_uses_its_root_documents_bibliography()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "chapters"));
        var refs = dir.File("refs.bib", SeedCatalogs.Profile(2));
        dir.File("main.tex", "\\documentclass{book}\n\\begin{document}\n\\include{chapters/one}\n\\bibliography{refs}\n\\end{document}\n");
        var chapter = dir.File("chapters/one.tex", "\\chapter{One}\nAs shown \\cite{x}.\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: NoSeeds, rootPath: dir.Path);
        await client.NextStatusAsync();
        var uri = new Uri(chapter).AbsoluteUri;
        await client.OpenAsync(uri, File.ReadAllText(chapter));
        Assert.Equal(2, (int)(await client.NextStatusAsync())["entries"]!);
        var file = Assert.Single(await FilesAsync(client, uri));
        Assert.Equal(refs, (string?)file["path"]);
        Assert.Contains("main.tex", (string?)file["reason"]);
    }

    [Fact]
    public async Task Typing_a_bibliography_command_loads_the_file_and_the_library_stays_separate()
    {
        using var dir = new TempDir();
        var refs = dir.File("refs.bib", SeedCatalogs.Profile(2, "Zebra"));
        await using var client = LspClient.Start();
        await client.InitializeAsync(rootPath: dir.Path);
        var seeds = (int)(await client.NextStatusAsync())["entries"]!;
        var uri = dir.Uri("notes.tex");
        await client.OpenAsync(uri, "\\cite{x}\n");
        Assert.All(await FilesAsync(client, uri), f => Assert.Equal("library", (string?)f["role"]));

        await client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = new { start = new { line = 1, character = 0 }, end = new { line = 1, character = 0 } }, text = "\\addbibresource{refs.bib}\n" } },
        });
        Assert.Equal(seeds + 2, (int)(await client.NextStatusAsync())["entries"]!);
        var files = await FilesAsync(client, uri);
        Assert.Equal(refs, (string?)files[0]!["path"]);
        Assert.Equal("bibliography", (string?)files[0]!["role"]);
        Assert.All(files.Skip(1), f => Assert.Equal("library", (string?)f["role"]));
    }

    [Fact]
    public async Task Markdown_front_matter_bibliography_is_relative_to_the_document()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(Path.Combine(dir.Path, "refs"));
        var lib = dir.File("refs/lib.json", SeedCatalogs.Profile(4));
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: NoSeeds, rootPath: dir.Path);
        await client.NextStatusAsync();
        var uri = dir.Uri("paper.md");
        await client.OpenAsync(uri, "---\ntitle: A paper\nbibliography:\n  - refs/lib.json\n---\n\nAs in [@x].\n", "markdown");
        Assert.Equal(4, (int)(await client.NextStatusAsync())["entries"]!);
        var file = Assert.Single(await FilesAsync(client, uri));
        Assert.Equal(lib, (string?)file["path"]);
        Assert.StartsWith("bibliography: refs/lib.json", (string?)file["reason"]);
    }
}
