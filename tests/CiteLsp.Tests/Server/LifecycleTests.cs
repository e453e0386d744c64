using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CiteLsp.Tests.Server;

/// <summary>initialize / shutdown / exit against the real server process.</summary>
public class LifecycleTests
{
    [Fact]
    public async Task Initialize_advertises_utf16_and_incremental_sync_by_default()
    {
        await using var client = LspClient.Start();
        var result = await client.InitializeAsync();
        Assert.Equal("utf-16", (string?)result["capabilities"]!["positionEncoding"]);
        Assert.Equal(2, (int)result["capabilities"]!["textDocumentSync"]!["change"]!);
        Assert.True((bool)result["capabilities"]!["textDocumentSync"]!["openClose"]!);
        Assert.Equal("citelsp", (string?)result["serverInfo"]!["name"]);
        // Only implemented features are advertised.
        Assert.True((bool)result["capabilities"]!["hoverProvider"]!);
        Assert.Equal(["{", ",", "@"], result["capabilities"]!["completionProvider"]!["triggerCharacters"]!.Select(t => (string)t!));
        Assert.True((bool)result["capabilities"]!["definitionProvider"]!);
        Assert.True((bool)result["capabilities"]!["renameProvider"]!["prepareProvider"]!);
        Assert.Equal(["quickfix"], result["capabilities"]!["codeActionProvider"]!["codeActionKinds"]!.Select(t => (string)t!));
        Assert.Null(result["capabilities"]!["semanticTokensProvider"]);
    }

    [Theory]
    [InlineData(new[] { "utf-8", "utf-16" }, "utf-8")]
    [InlineData(new[] { "utf-32" }, "utf-32")]
    [InlineData(new[] { "utf-7", "utf-16" }, "utf-16")]
    public async Task Initialize_picks_the_clients_preferred_supported_encoding(string[] offered, string expected)
    {
        await using var client = LspClient.Start();
        var result = await client.InitializeAsync(new { general = new { positionEncodings = offered } });
        Assert.Equal(expected, (string?)result["capabilities"]!["positionEncoding"]);
    }

    [Fact]
    public async Task Shutdown_then_exit_ends_with_code_0()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var shutdown = await client.RequestAsync("shutdown");
        Assert.True(shutdown is null or { Type: JTokenType.Null }, $"shutdown result: {shutdown}");
        await client.NotifyAsync("exit");
        Assert.Equal(0, await client.ExitCodeAsync());
    }

    [Fact]
    public async Task Exit_without_shutdown_ends_with_code_1()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        await client.NotifyAsync("exit");
        Assert.Equal(1, await client.ExitCodeAsync());
    }

    [Fact]
    public async Task Closing_stdin_ends_the_process()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        client.Process!.Process.StandardInput.Close();
        // Generous bound: this detects a hang, not a speed regression (start-up is measured, not tested).
        Assert.Equal(1, await client.ExitCodeAsync(timeoutSeconds: 10));
    }

    [Fact]
    public async Task Requests_before_initialize_are_refused_with_ServerNotInitialized()
    {
        await using var client = LspClient.Start();
        var ex = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync("citelsp/search", new { query = "x" }));
        Assert.Equal(-32002, ex.ErrorCode);
    }

    [Fact]
    public async Task Requests_after_shutdown_are_refused()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        await client.RequestAsync("shutdown");
        var ex = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync("citelsp/search", new { query = "x" }));
        Assert.Equal(-32600, ex.ErrorCode);
    }

    [Fact]
    public async Task Unknown_request_gets_MethodNotFound_and_unknown_notification_is_ignored()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        await client.NotifyAsync("$/unknownNotification", new { x = 1 });
        await client.NotifyAsync("$/setTrace", new { value = "verbose" });
        var ex = await Assert.ThrowsAsync<RemoteMethodNotFoundException>(() => client.RequestAsync("foo/unknown", new { }));
        Assert.Equal(-32601, (int)ex.ErrorCode);
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }

    [Fact]
    public async Task Second_initialize_is_an_error()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        var ex = await Assert.ThrowsAsync<RemoteInvocationException>(() => client.RequestAsync("initialize", new { capabilities = new { } }));
        Assert.Equal(-32600, ex.ErrorCode);
    }

    [Fact]
    public async Task Logs_reach_the_client_as_window_logMessage_and_stderr()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        await client.NextStatusAsync();
        Assert.Contains(client.LogMessages, m => ((string?)m["message"])!.StartsWith("initialize from citelsp-tests", StringComparison.Ordinal));
        await client.ShutdownAndExitAsync();
        Assert.Contains("initialize from citelsp-tests", client.Process!.Stderr);
    }
}
