using System.Text;
using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Catalogs;

/// <summary>A library that takes seconds to load is shown as work-done progress to a client that can show it, over the real process.</summary>
public class LoadProgressEndToEndTests
{
    private const int Entries = 200_000;

    /// <summary>A 30 MB library: its first load takes well over the 300 ms after which progress shows, even on a fast machine;
    /// read lean, it is read in windows of the file (<paramref name="extra"/> after its 200,000 entries).</summary>
    internal static string BigLibrary(TempDir dir, string extra = "")
    {
        var text = new StringBuilder(Entries * 160);
        for (var i = 0; i < Entries; i++)
            text.Append($"@article{{key{i},\n  title = {{On the Number {i} and Its Neighbours}},\n  author = {{Author{i % 5000}, Ann and Writer{i % 777}, Bo}},\n  journal = {{Journal {i % 300}}},\n  year = {{{1950 + i % 75}}},\n}}\n\n");
        return dir.File("library.bib", text.Append(extra).ToString());
    }

    /// <summary>A real server loading the big library from scratch (a cache of its own), once its status says loaded.</summary>
    private static async Task<LspClient> LoadedAsync(TempDir dir, TempDir cache, bool showsProgress)
    {
        var library = BigLibrary(dir);
        var client = LspClient.StartWithCache(cache.Path);
        await client.InitializeAsync(capabilities: new { window = new { workDoneProgress = showsProgress } },
            initializationOptions: new { library = new[] { library }, seeds = new { enabled = false } });
        Assert.Equal(Entries, (int)(await client.NextStatusAsync(timeoutSeconds: 120))["entries"]!);
        return client;
    }

    [Fact]
    public async Task A_long_first_load_begins_progress_with_the_file_and_ends_it_with_the_entry_count()
    {
        using var dir = new TempDir();
        using var cache = new TempDir();
        await using var client = await LoadedAsync(dir, cache, showsProgress: true);
        await LspClient.WaitUntilAsync(() => client.Progress.Any(p => (string?)p["value"]?["kind"] == "end"));

        var sent = client.Progress.ToList();
        var token = (string)sent[0]["create"]!;
        Assert.All(sent.Skip(1), p => Assert.Equal(token, (string)p["token"]!));
        var begin = sent[1]["value"]!;
        Assert.Equal("begin", (string)begin["kind"]!);
        Assert.Equal("Loading bibliographies", (string)begin["title"]!);
        // Begin carries the stage the load is at when the client answers the create request: on a fast machine (or a
        // client slow to answer) that may be the last one already.
        Assert.Matches(@"^reading library\.bib \(\d+ MB\)$|^library\.bib: indexing 200,000 entries$|^building the search indexes$", (string)begin["message"]!);
        Assert.All(sent.Skip(2).SkipLast(1), p => Assert.Equal("report", (string)p["value"]!["kind"]!));
        Assert.Equal($"{Entries} entries from 1 catalog file(s)", (string)sent[^1]["value"]!["message"]!);
    }

    [Fact]
    public async Task A_client_that_cannot_show_progress_is_sent_none()
    {
        using var dir = new TempDir();
        using var cache = new TempDir();
        await using var client = await LoadedAsync(dir, cache, showsProgress: false);
        await Task.Delay(500); // an end would follow the status at once
        Assert.Empty(client.Progress);
    }
}
