using System.Diagnostics;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace CiteLsp.Tests.Server.Abuse;

/// <summary>
/// Hostile catalog files next to a good one, over the real process: each gives a clear diagnostic or log line,
/// the good catalog keeps working, a broken rewrite keeps the last good entries, and a file rewritten in place
/// while searches run is never seen half-loaded.
/// </summary>
public class CatalogFileAbuseTests(ITestOutputHelper output)
{
    private static object Library(params string[] library) => new { library, seeds = new { enabled = false } };

    private static async Task<int> SearchCountAsync(LspClient client, string query)
    {
        var result = await client.RequestAsync("citelsp/search", new { query, limit = 1000 });
        return ((JArray)result["items"]!).Count;
    }

    private static async Task<JToken> FileInfoAsync(LspClient client, TempDir dir, string path)
    {
        var files = (JArray)(await client.RequestAsync("citelsp/bibliographies", new { textDocument = new { uri = dir.Uri("any.md") } }))["files"]!;
        return files.Single(f => (string?)f["path"] == path);
    }

    /// <summary>Puts the hostile thing at <paramref name="path"/>.</summary>
    private static void MakeHostile(string kind, string path)
    {
        switch (kind)
        {
            case "binary":
                var bytes = new byte[64 * 1024];
                new Random(5).NextBytes(bytes);
                File.WriteAllBytes(path, bytes);
                break;
            case "directory":
                Directory.CreateDirectory(path);
                break;
            case "symlink-loop":
                var other = path + ".other";
                File.CreateSymbolicLink(other, path);
                File.CreateSymbolicLink(path, other);
                break;
            case "fifo":
                // A named pipe: opening it for reading blocks until a writer comes, which none does.
                using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path])) mkfifo.WaitForExit();
                break;
            case "unreadable":
                File.WriteAllText(path, SeedCatalogs.Profile(2, "Unreadable"));
                if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.None);
                break;
            default: throw new ArgumentException(kind);
        }
    }

    [Theory]
    [InlineData("binary")]
    [InlineData("directory")]
    [InlineData("symlink-loop")]
    [InlineData("unreadable")]
    [InlineData("fifo")]
    public async Task Hostile_catalog_gets_a_diagnostic_and_the_good_one_keeps_working(string kind)
    {
        using var dir = new TempDir();
        var good = dir.File("good.txt", SeedCatalogs.Profile(3, "Zebrafish"));
        var bad = Path.Combine(dir.Path, "bad.bib");
        MakeHostile(kind, bad);
        // Tests may run as root, where permissions do not stop reads: then the file simply loads.
        var readable = kind == "unreadable" && CanRead(bad);

        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: Library(good, bad));
        var status = await client.NextStatusAsync();
        output.WriteLine(status.ToString(Newtonsoft.Json.Formatting.None));
        Assert.Equal(3, await SearchCountAsync(client, "zebrafish"));

        var info = await FileInfoAsync(client, dir, bad);
        output.WriteLine(info.ToString(Newtonsoft.Json.Formatting.None));
        if (readable)
        {
            output.WriteLine("running as a user that permissions do not stop: the chmod 000 file loads");
            Assert.Equal(2, (int)info["entries"]!);
            return;
        }
        Assert.Equal(0, (int)info["entries"]!);
        if (kind == "fifo") return; // reads as empty (it reports length 0), instead of blocking the catalog loop for good
        var error = Assert.Single((JArray)info["errors"]!);
        Assert.False(string.IsNullOrWhiteSpace((string?)error["message"]));
        Assert.True((int)status["errors"]! >= 1);
    }

    [Fact]
    public async Task Binary_rewrite_keeps_the_last_good_version()
    {
        using var dir = new TempDir();
        var path = dir.File("lib.txt", SeedCatalogs.Profile(4, "Zebrafish"));
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: Library(path));
        Assert.Equal(4, (int)(await client.NextStatusAsync())["entries"]!);

        MakeHostile("binary", path);
        var status = await client.NextStatusAsync();
        Assert.Equal(4, (int)status["entries"]!);
        Assert.True((int)status["errors"]! >= 1);
        Assert.Equal(4, await SearchCountAsync(client, "zebrafish"));
    }

    [Fact]
    public async Task Empty_catalog_loads_as_empty_and_the_good_one_keeps_working()
    {
        using var dir = new TempDir();
        var good = dir.File("good.txt", SeedCatalogs.Profile(3, "Zebrafish"));
        var empty = dir.File("empty.bib", "");
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: Library(good, empty));
        Assert.Equal(3, (int)(await client.NextStatusAsync())["entries"]!);
        Assert.Equal(3, await SearchCountAsync(client, "zebrafish"));
        Assert.Equal(0, (int)(await FileInfoAsync(client, dir, empty))["entries"]!);
    }

    [Fact]
    public async Task Catalog_over_the_size_limit_is_not_read_and_reported_once()
    {
        using var dir = new TempDir();
        var good = dir.File("good.txt", SeedCatalogs.Profile(3, "Zebrafish"));
        var huge = Path.Combine(dir.Path, "huge.bib");
        using (var f = File.Create(huge)) f.SetLength(200L << 20); // sparse: 200 MB without writing them
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: new { library = new[] { good, huge }, seeds = new { enabled = false }, limits = new { maxCatalogSizeMB = 100 } });
        Assert.Equal(3, (int)(await client.NextStatusAsync())["entries"]!);
        var error = Assert.Single((JArray)(await FileInfoAsync(client, dir, huge))["errors"]!);
        Assert.Contains("maxCatalogSizeMB", (string?)error["message"]);

        // Touch it twice: reloaded, refused again, but reported only once.
        for (var i = 0; i < 2; i++)
        {
            using (var f = File.OpenWrite(huge)) f.SetLength((201L + i) << 20);
            await client.NextStatusAsync();
        }
        Assert.Equal(3, await SearchCountAsync(client, "zebrafish"));
        var reports = client.LogMessages.Count(m => ((string?)m["message"] ?? "").Contains("maxCatalogSizeMB", StringComparison.Ordinal));
        Assert.Equal(1, reports);
    }

    [Fact]
    public async Task Catalog_rewritten_in_place_during_searches_is_never_seen_half_loaded()
    {
        const int Papers = 300;
        using var dir = new TempDir();
        var versions = new[] { SeedCatalogs.Profile(Papers, "Zebrafish"), SeedCatalogs.Profile(Papers, "Zebrafish").Replace("Ada", "Bea") };
        var path = dir.File("lib.txt", versions[0]);
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: Library(path));
        Assert.Equal(Papers, (int)(await client.NextStatusAsync())["entries"]!);

        // At least 6 s, and on until both sides did enough to overlap many times (a busy CI machine is slow at both).
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var writes = 0;
        long maxGap = 0;
        // In place, as Zotero's auto-export does: truncate, then write in pieces (on a thread of its own, so the
        // pieces follow each other closely as a real writer's do, even on a busy machine).
        var writer = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var bytes = System.Text.Encoding.UTF8.GetBytes(versions[++writes % 2]);
                using (var f = new FileStream(path, FileMode.Truncate, FileAccess.Write, FileShare.ReadWrite))
                    for (var at = 0; at < bytes.Length; at += 8192)
                    {
                        f.Write(bytes, at, Math.Min(8192, bytes.Length - at));
                        f.Flush();
                        var gap = Stopwatch.StartNew();
                        Thread.Sleep(2);
                        maxGap = Math.Max(maxGap, gap.ElapsedMilliseconds);
                    }
                Thread.Sleep(Random.Shared.Next(0, 200));
            }
        });
        writer.Start();
        var searches = 0;
        var clock = Stopwatch.StartNew();
        while (!stop.IsCancellationRequested)
        {
            var items = (JArray)(await client.RequestAsync("citelsp/search", new { query = "zebrafish", limit = 1000 }))["items"]!;
            searches++;
            if (clock.Elapsed > TimeSpan.FromSeconds(6) && Volatile.Read(ref writes) >= 5 && searches >= 20) stop.Cancel();
            Assert.True(items.Count == Papers, $"search {searches} at {clock.ElapsedMilliseconds} ms saw {items.Count} of {Papers} entries (write {writes}, longest pause inside a write {maxGap} ms)");
            var given = items.Select(i => ((string)i["authors"]![0]!).Split(' ')[0]).Distinct().ToList();
            Assert.True(given.Count == 1, $"search {searches} mixed two versions: {string.Join(", ", given)}");
        }
        writer.Join();
        output.WriteLine($"{searches} searches during {writes} in-place rewrites: all complete, none mixed");
        Assert.True(writes >= 5 && searches >= 20, $"{writes} writes, {searches} searches");
    }

    private static bool CanRead(string path)
    {
        try { using var s = File.OpenRead(path); return true; }
        catch (UnauthorizedAccessException) { return false; }
    }
}
