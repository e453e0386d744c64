using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Catalogs;

/// <summary>A big library is cached on the first run and served from the cache on the next one (issue 12), over the real process.</summary>
public class WarmStartTests
{
    [Fact]
    public async Task Second_start_serves_the_library_from_the_cache_then_parses_it_again()
    {
        using var dir = new TempDir();
        var library = dir.File("library.bib", File.ReadAllText(TestPaths.CorpusFile("bib/large/cdl.bib"))); // 1.8 MB: cached
        var options = new { library = new[] { library }, seeds = new { enabled = false } };
        var cacheFolder = Path.Combine(ServerProcess.CacheHome, "citelsp");

        await using (var first = LspClient.Start())
        {
            await first.InitializeAsync(initializationOptions: options);
            Assert.Equal(6315, (int)(await first.NextStatusAsync())["entries"]!);
            await LspClient.WaitUntilAsync(() => first.Process!.Stderr.Contains($"{library}: cached"), timeoutSeconds: 60);
        }
        Assert.Contains(Directory.GetFiles(cacheFolder, "*.catalog"), f => new FileInfo(f).LastWriteTimeUtc > DateTime.UtcNow.AddMinutes(-5));

        await using var second = LspClient.Start();
        await second.InitializeAsync(initializationOptions: options);
        Assert.Equal(6315, (int)(await second.NextStatusAsync())["entries"]!);
        Assert.Contains("entries from the cache", second.Process!.Stderr);
        var hits = (JArray)(await second.RequestAsync("citelsp/search", new { query = "manning", limit = 5 }))["items"]!;
        Assert.NotEmpty(hits);
        // The background parse replaces the cached entries (raw fields and abstracts come back); the count stays.
        await LspClient.WaitUntilAsync(() => Loads(second) == 2, timeoutSeconds: 30);
    }

    [Fact]
    public async Task A_lean_library_comes_back_from_the_cache_with_its_abstracts_and_is_not_parsed_again()
    {
        using var dir = new TempDir();
        var text = File.ReadAllText(TestPaths.CorpusFile("bib/large/cdl.bib"))
            + "\n@article{leanprobe2024,\n  title = {Lean Probe},\n  abstract = {Read back from the file.},\n}\n";
        var library = dir.File("library.bib", text);
        // 1 MB: this 1.8 MB library keeps lean entries, as a 600 MB one does by default.
        var options = new { library = new[] { library }, seeds = new { enabled = false }, limits = new { fieldsOnDiskAboveMB = 1 } };

        await using (var first = LspClient.Start())
        {
            await first.InitializeAsync(initializationOptions: options);
            Assert.Equal(6316, (int)(await first.NextStatusAsync())["entries"]!);
            await LspClient.WaitUntilAsync(() => first.Process!.Stderr.Contains($"{library}: cached"), timeoutSeconds: 60);
        }

        await using var second = LspClient.Start();
        await second.InitializeAsync(initializationOptions: options);
        Assert.Equal(6316, (int)(await second.NextStatusAsync())["entries"]!);
        Assert.Contains("entries from the cache", second.Process!.Stderr);
        var doc = dir.Uri("paper.tex");
        await second.OpenAsync(doc, @"\cite{leanprobe2024}");
        var hover = await second.RequestAsync("textDocument/hover", new { textDocument = new { uri = doc }, position = new { line = 0, character = 10 } });
        Assert.EndsWith("Read back from the file.", (string)hover["contents"]!["value"]!);
        // A cached library that is not lean is parsed again 2 s after the start; a lean one has nothing to gain from it.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, Loads(second));
    }

    /// <summary>How many times the server loaded the library: from the cache, then each parse.</summary>
    private static int Loads(LspClient client) =>
        System.Text.RegularExpressions.Regex.Count(client.Process!.Stderr, "loaded library.bib: read and parsed");
}
