using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Abuse;

/// <summary>citelsp.limits.maxDocumentSizeMB: a bigger document is kept (edits still apply) but not scanned, and that is reported once.</summary>
public class DocumentLimitTests
{
    [Fact]
    public async Task Document_over_the_size_limit_is_reported_once_and_the_server_keeps_serving()
    {
        using var dir = new TempDir();
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: new { limits = new { maxDocumentSizeMB = 1 } }, rootPath: dir.Path);
        await client.NextStatusAsync();
        var uri = dir.Uri("big.tex");
        var text = string.Concat(Enumerable.Repeat("Prose with \\cite{key} and more words. ", 60_000)); // about 2.3 MB
        await client.OpenAsync(uri, text);
        for (var version = 2; version <= 4; version++)
            await client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri, version }, contentChanges = new[] { new { text = text + version } } });

        var search = await client.RequestAsync("citelsp/search", new { query = "corgi hybrid", limit = 3, textDocument = new { uri } });
        Assert.NotEmpty((JArray)search["items"]!);
        // The catalog loop resolves documents in the background: wait for the report, then give a second one time to show.
        int Reports() => client.LogMessages.Count(m => ((string?)m["message"] ?? "").Contains("maxDocumentSizeMB", StringComparison.Ordinal));
        await LspClient.WaitUntilAsync(() => Reports() > 0);
        await Task.Delay(1000);
        Assert.Equal(1, Reports());
    }
}
