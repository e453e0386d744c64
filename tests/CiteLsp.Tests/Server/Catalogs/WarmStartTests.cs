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
        await LspClient.WaitUntilAsync(() => second.Process!.Stderr.Contains("loaded library.bib: read and parsed"), timeoutSeconds: 30);
    }
}
