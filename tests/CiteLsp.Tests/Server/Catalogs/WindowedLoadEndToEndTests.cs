using System.Text;
using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Catalogs;

/// <summary>A lean library read a window of the file at a time (issue 12) serves completion, hover and its diagnostics
/// over the real process: positions, lines and the fields read back from the file are the file's.</summary>
public class WindowedLoadEndToEndTests
{
    [Fact]
    public async Task A_library_read_in_windows_serves_completion_hover_and_diagnostics()
    {
        using var dir = new TempDir();
        // After the 200,000 entries (in the second window): an entry that inherits from one in the first window, and a typo.
        var library = LoadProgressEndToEndTests.BigLibrary(dir, "@inproceedings{windowprobe2024,\n  title = {Window Probe},\n  crossref = {conf7},\n"
            + "  abstract = {Read back from the second window.},\n}\n\n@article{broken2024,\n  title = {Unclosed,\n");
        File.WriteAllText(library, "@proceedings{conf7,\n  title = {Proceedings of the Seventh Window},\n  year = {2024},\n}\n\n" + File.ReadAllText(library));
        var options = new { library = new[] { library }, seeds = new { enabled = false }, limits = new { fieldsOnDiskAboveMB = 1 } };
        using var cache = new TempDir();
        await using (var client = LspClient.StartWithCache(cache.Path))
        {
            await ServesAsync(client, dir, library, options, fromCache: false);
            await LspClient.WaitUntilAsync(() => client.Process!.Stderr.Contains($"{library}: cached"), timeoutSeconds: 120);
        }
        // A restart reads where the windows' characters are in the file from the cache, and the abstract back through it.
        await using var restarted = LspClient.StartWithCache(cache.Path);
        await ServesAsync(restarted, dir, library, options, fromCache: true);
    }

    /// <summary>A lean library rewritten as exporters do (beside it, then renamed over it) keeps its unchanged entries:
    /// one that moved down the file shows its abstract, read back from where it is now, and its definition is its new line.</summary>
    [Fact]
    public async Task A_rewritten_library_serves_its_moved_entries_from_their_new_place()
    {
        using var dir = new TempDir();
        using var cache = new TempDir();
        var text = new StringBuilder();
        for (var i = 0; i < 80_000; i++) // 11 MB: two windows
            text.Append($"@article{{key{i},\n  title = {{On the Number {i}}},\n  author = {{Author{i % 5000}, Ann}},\n  abstract = {{Abstract {i}.}},\n}}\n\n");
        var library = dir.File("library.bib", text.ToString());
        await using var client = LspClient.StartWithCache(cache.Path);
        await client.InitializeAsync(initializationOptions: new { library = new[] { library }, seeds = new { enabled = false }, limits = new { fieldsOnDiskAboveMB = 1 } });
        var doc = dir.Uri("paper.tex");
        await client.OpenAsync(doc, "\\bibliography{library}\n\\cite{key70000}");
        Assert.Equal(80_000, (int)(await client.NextStatusAsync(timeoutSeconds: 120))["entries"]!);

        // An entry added at the head, with characters of two bytes: every entry after it moves, in bytes more than in characters.
        File.WriteAllText(library + ".tmp", "@article{added,\n  title = {Ünïcode},\n}\n\n" + text);
        File.Move(library + ".tmp", library, overwrite: true);
        await client.NextStatusAsync(s => (int)s["entries"]! == 80_001, timeoutSeconds: 120); // the reload's, not any status before it

        var at = new { textDocument = new { uri = doc }, position = new { line = 1, character = 10 } };
        var hover = (string)(await client.RequestAsync("textDocument/hover", at))["contents"]!["value"]!;
        Assert.Contains("On the Number 70000", hover);
        Assert.EndsWith("Abstract 70000.", hover);
        var definition = await client.RequestAsync("textDocument/definition", at);
        var location = definition is JArray array ? array[0] : definition;
        Assert.Equal(Array.IndexOf(File.ReadAllLines(library), "@article{key70000,"), (int)location["range"]!["start"]!["line"]!);
    }

    private static async Task ServesAsync(LspClient client, TempDir dir, string library, object options, bool fromCache)
    {
        await client.InitializeAsync(initializationOptions: options);
        // Open while the library loads: its arrival publishes the diagnostics of the bibliography files open documents use.
        var doc = dir.Uri("paper.tex");
        await client.OpenAsync(doc, "\\bibliography{library}\n\\cite{windowprobe2024} \\cite{window probe}");
        Assert.Equal(200_003, (int)(await client.NextStatusAsync(timeoutSeconds: 120))["entries"]!);
        Assert.Equal(fromCache, client.Process!.Stderr.Contains("entries from the cache"));

        var hover = (string)(await client.RequestAsync("textDocument/hover", new { textDocument = new { uri = doc }, position = new { line = 1, character = 10 } }))["contents"]!["value"]!;
        Assert.Contains("Window Probe", hover);
        Assert.Contains("Proceedings of the Seventh Window", hover); // inherited from the first window
        Assert.EndsWith("Read back from the second window.", hover);
        var items = (JArray)(await client.RequestAsync("textDocument/completion", new { textDocument = new { uri = doc }, position = new { line = 1, character = 41 } }))["items"]!;
        Assert.Equal("windowprobe2024", (string)items[0]["label"]!);

        // The document's bibliography: the unclosed brace is reported on its line of the file, 1.4 million lines down.
        var line = Array.FindIndex(File.ReadAllLines(library), l => l.Contains("{Unclosed,"));
        var reported = await client.NextDiagnosticsAsync(dir.Uri("library.bib"), d => d.Count > 0, timeoutSeconds: 60);
        Assert.Contains(reported, d => (int)d["range"]!["start"]!["line"]! == line && ((string)d["message"]!).Contains("unbalanced"));
    }
}
