using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server;

/// <summary>Catalog loading, reloading on change, citelsp/status, citelsp/search and citelsp/bibliographies, over the real process.</summary>
public class CatalogTests
{
    private static object LibraryOnly(params string[] library) => new { library, seeds = new { enabled = false } };

    [Fact]
    public async Task Status_counts_the_embedded_seeds_by_default()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var status = await client.NextStatusAsync();
        Assert.True((int)status["entries"]! > 10, status.ToString());
        Assert.Equal(2, (int)status["files"]!);
        Assert.Equal(0, (int)status["errors"]!);
    }

    [Fact]
    public async Task Library_file_is_reloaded_when_it_changes_on_disk()
    {
        using var dir = new TempDir();
        var path = dir.File("library.txt", SeedCatalogs.Profile(3));
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: LibraryOnly(path));
        Assert.Equal(3, (int)(await client.NextStatusAsync())["entries"]!);

        File.WriteAllText(path, SeedCatalogs.Profile(5));
        var status = await client.NextStatusAsync();
        Assert.Equal(5, (int)status["entries"]!);
        Assert.Equal(1, (int)status["files"]!);
    }

    [Fact]
    public async Task A_broken_rewrite_keeps_the_last_good_entries_and_reports_the_error()
    {
        using var dir = new TempDir();
        var path = dir.File("library.txt", SeedCatalogs.Profile(4));
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: LibraryOnly(path));
        Assert.Equal(4, (int)(await client.NextStatusAsync())["entries"]!);

        File.WriteAllText(path, "Profile page\nLearning Par"); // half-written
        var status = await client.NextStatusAsync();
        Assert.Equal(4, (int)status["entries"]!);
        Assert.True((int)status["errors"]! > 0);

        var search = await client.RequestAsync("citelsp/search", new { query = "parities", limit = 10 });
        Assert.Equal(4, ((JArray)search["items"]!).Count);

        File.Delete(path);
        Assert.Equal(0, (int)(await client.NextStatusAsync())["entries"]!);
    }

    [Fact]
    public async Task An_entry_deleted_from_a_file_with_an_old_error_goes()
    {
        // The file's error predates the edit: fewer entries without a new error is a deletion, not a cut-short write.
        using var dir = new TempDir();
        const string broken = "@article{broken, title = {No close}\n";
        var path = dir.File("refs.bib", broken + "@article{a, title = {A}}\n@article{b, title = {B}}\n@article{c, title = {C}}\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: LibraryOnly(path));
        var status = await client.NextStatusAsync();
        Assert.Equal(4, (int)status["entries"]!);
        Assert.Equal(1, (int)status["errors"]!);

        File.WriteAllText(path, broken + "@article{a, title = {A}}\n@article{c, title = {C}}\n");
        Assert.Equal(3, (int)(await client.NextStatusAsync())["entries"]!);
    }

    [Fact]
    public async Task Client_side_watching_is_registered_dynamically_and_drives_reloads()
    {
        using var dir = new TempDir();
        var path = dir.File("library.txt", SeedCatalogs.Profile(2));
        await using var client = LspClient.Start();
        await client.InitializeAsync(
            new { workspace = new { didChangeWatchedFiles = new { dynamicRegistration = true, relativePatternSupport = true } } },
            LibraryOnly(path));
        Assert.Equal(2, (int)(await client.NextStatusAsync())["entries"]!);

        await LspClient.WaitUntilAsync(() => !client.Registrations.IsEmpty);
        var registration = Assert.Single(client.Registrations)["registrations"]![0]!;
        Assert.Equal("workspace/didChangeWatchedFiles", (string?)registration["method"]);
        var pattern = registration["registerOptions"]!["watchers"]![0]!["globPattern"]!;
        Assert.Equal(new Uri(dir.Path).AbsoluteUri, (string?)pattern["baseUri"]);
        Assert.Equal("library.txt", (string?)pattern["pattern"]);

        File.WriteAllText(path, SeedCatalogs.Profile(6));
        await client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = new Uri(path).AbsoluteUri, type = 2 } } });
        Assert.Equal(6, (int)(await client.NextStatusAsync())["entries"]!);
    }

    [Fact]
    public async Task Client_side_watchers_follow_the_file_set()
    {
        using var dir = new TempDir();
        var one = dir.File("one.txt", SeedCatalogs.Profile(1));
        var two = dir.File("two.txt", SeedCatalogs.Profile(2, "Other"));
        await using var client = LspClient.Start();
        client.Settings = JObject.FromObject(LibraryOnly(one));
        await client.InitializeAsync(new
        {
            workspace = new { configuration = true, didChangeWatchedFiles = new { dynamicRegistration = true, relativePatternSupport = true } },
        });
        await client.NextStatusAsync();
        await LspClient.WaitUntilAsync(() => !client.Registrations.IsEmpty);

        client.Settings = JObject.FromObject(LibraryOnly(one, two));
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = (object?)null });
        Assert.Equal(3, (int)(await client.NextStatusAsync())["entries"]!);
        await LspClient.WaitUntilAsync(() => client.Registrations.Count == 2);
        var first = client.Registrations.First()["registrations"]![0]!;
        var unregistered = Assert.Single(client.Unregistrations)["unregisterations"]![0]!;
        Assert.Equal((string?)first["id"], (string?)unregistered["id"]);
        var watchers = (JArray)client.Registrations.Last()["registrations"]![0]!["registerOptions"]!["watchers"]!;
        Assert.Equal(["one.txt", "two.txt"], watchers.Select(w => (string)w["globPattern"]!["pattern"]!));
    }

    [Fact]
    public async Task A_catalog_over_the_size_limit_is_not_loaded_and_is_reported()
    {
        using var dir = new TempDir();
        var big = dir.File("big.txt", SeedCatalogs.Profile(20));
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: new { library = new[] { big }, seeds = new { enabled = false }, limits = new { maxCatalogSizeMB = 0.001 } });
        var status = await client.NextStatusAsync();
        Assert.Equal(0, (int)status["entries"]!);
        Assert.Equal(1, (int)status["errors"]!);
        Assert.Contains(client.LogMessages, m => ((string?)m["message"])!.Contains("maxCatalogSizeMB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_returns_ranked_items_in_the_contract_shape()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var result = await client.RequestAsync("citelsp/search", new { query = "malach", limit = 3 });
        var items = (JArray)result["items"]!;
        Assert.Equal(3, items.Count);
        foreach (var item in items)
        {
            Assert.Contains((JArray)item["authors"]!, a => ((string)a!).Contains("Malach", StringComparison.Ordinal));
            Assert.Equal("library", (string?)item["source"]);
            Assert.False(string.IsNullOrEmpty((string?)item["key"]));
            Assert.False(string.IsNullOrEmpty((string?)item["title"]));
            Assert.NotNull(item["year"]); // number or null, never missing
            Assert.NotNull(item["venue"]);
            Assert.IsType<JArray>(item["matches"]);
        }
        var scores = items.Select(i => (double)i["score"]!).ToList();
        Assert.Equal(scores.OrderByDescending(s => s), scores);
    }

    [Fact]
    public async Task Search_marks_entries_from_bibliography_setting_files_and_bibliographies_lists_them()
    {
        using var dir = new TempDir();
        var bib = dir.File("refs.txt", SeedCatalogs.Profile(2, titleWord: "Zebra"));
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: new { bibliography = new[] { "refs.txt" } }, rootPath: dir.Path);
        await client.NextStatusAsync();
        var uri = dir.Uri("paper.tex");
        await client.OpenAsync(uri, "\\cite{x}");

        var items = (JArray)(await client.RequestAsync("citelsp/search", new { query = "zebra", textDocument = new { uri } }))["items"]!;
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("bibliography", (string?)i["source"]));

        var files = (JArray)(await client.RequestAsync("citelsp/bibliographies", new { textDocument = new { uri } }))["files"]!;
        var first = files[0]!;
        Assert.Equal(bib, (string?)first["path"]);
        Assert.Equal("bibliography", (string?)first["role"]);
        Assert.Equal("citelsp.bibliography setting", (string?)first["reason"]);
        Assert.Equal(2, (int)first["entries"]!);
        Assert.All(files.Skip(1), f => Assert.Equal("library", (string?)f["role"]));
    }

    [Fact]
    public async Task Bibliographies_reports_errors_with_positions()
    {
        using var dir = new TempDir();
        var bad = dir.File("notes.txt", "just some words\nnot a catalog\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: LibraryOnly(bad));
        var status = await client.NextStatusAsync();
        Assert.Equal(1, (int)status["errors"]!);
        var files = (JArray)(await client.RequestAsync("citelsp/bibliographies", new { textDocument = new { uri = dir.Uri("a.md") } }))["files"]!;
        var file = Assert.Single(files);
        Assert.Equal("library", (string?)file["role"]);
        var error = Assert.Single((JArray)file["errors"]!);
        Assert.Equal(0, (int)error["line"]!);
        Assert.Equal(0, (int)error["character"]!);
        Assert.False(string.IsNullOrEmpty((string?)error["message"]));
    }

    [Fact]
    public async Task Long_search_is_cancelled_with_RequestCancelled()
    {
        using var dir = new TempDir();
        dir.File("big.bib", SeedCatalogs.Profile(40_000));
        var uri = dir.Uri("paper.tex");
        using var raw = new RawConnection();
        await raw.SendAsync(new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { capabilities = new { }, initializationOptions = new { seeds = new { enabled = false } } } });
        await raw.SendAsync(new { jsonrpc = "2.0", method = "initialized", @params = new { } });
        await raw.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri, languageId = "latex", version = 1, text = "\\bibliography{big}\n" } } });
        await raw.ReadUntilAsync(m => (string?)m["method"] == "citelsp/status" && (int)m["params"]!["entries"]! == 40_000, timeoutSeconds: 60);

        // The first search for this document ranks (and indexes) 40k entries; the cancel follows immediately.
        var search = $"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"citelsp/search\",\"params\":{{\"query\":\"parities ada\",\"textDocument\":{{\"uri\":\"{uri}\"}}}}}}";
        await raw.WriteAsync(RawConnection.Frame(search) + RawConnection.Frame("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":2}}"));
        var response = await raw.ResponseAsync(2);
        Assert.Equal(-32800, (int?)response["error"]?["code"]);

        // Not cancelled: the same search completes.
        await raw.SendAsync(new { jsonrpc = "2.0", id = 3, method = "citelsp/search", @params = new { query = "parities ada", limit = 2, textDocument = new { uri } } });
        var items = (JArray)(await raw.ResponseAsync(3))["result"]!["items"]!;
        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal("bibliography", (string?)i["source"]));
    }
}
