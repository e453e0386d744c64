using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server;

/// <summary>workspace/configuration pull and workspace/didChangeConfiguration, observed through citelsp/status.</summary>
public class ConfigurationTests
{
    private static readonly object PullCapable = new { workspace = new { configuration = true } };

    [Fact]
    public async Task Settings_are_pulled_after_initialized_and_again_on_didChangeConfiguration()
    {
        using var dir = new TempDir();
        var three = dir.File("three.txt", SeedCatalogs.Profile(3));
        var five = dir.File("five.txt", SeedCatalogs.Profile(5, titleWord: "Other"));
        await using var client = LspClient.Start();
        client.Settings = JObject.FromObject(new { library = new[] { three }, seeds = new { enabled = false } });
        await client.InitializeAsync(PullCapable);
        var status = await client.NextStatusAsync();
        Assert.Equal(3, (int)status["entries"]!);
        Assert.Equal(1, client.ConfigurationRequests);

        client.Settings = JObject.FromObject(new { library = new[] { three, five }, seeds = new { enabled = false } });
        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = (object?)null });
        status = await client.NextStatusAsync();
        Assert.Equal(8, (int)status["entries"]!);
        Assert.Equal(2, (int)status["files"]!);
        Assert.Equal(2, client.ConfigurationRequests);
    }

    [Fact]
    public async Task Pushed_settings_are_used_when_the_client_cannot_be_asked()
    {
        await using var client = LspClient.Start();
        await client.InitializeAsync();
        Assert.Equal(2, (int)(await client.NextStatusAsync())["files"]!); // the embedded seeds

        await client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { citelsp = new { seeds = new { enabled = false } } } });
        var status = await client.NextStatusAsync();
        Assert.Equal(0, (int)status["entries"]!);
        Assert.Equal(0, (int)status["files"]!);
        Assert.Equal(0, client.ConfigurationRequests);
    }

    [Fact]
    public async Task InitializationOptions_apply_when_the_pulled_settings_have_no_citelsp_section()
    {
        using var dir = new TempDir();
        var three = dir.File("three.txt", SeedCatalogs.Profile(3));
        await using var client = LspClient.Start();
        client.Settings = null; // answers [null], as Eglot and Neovim do without settings
        await client.InitializeAsync(PullCapable, new { citelsp = new { library = new[] { three }, seeds = new { enabled = false } } });
        var status = await client.NextStatusAsync();
        Assert.Equal(3, (int)status["entries"]!);
        Assert.Equal(1, client.ConfigurationRequests);
    }

    [Fact]
    public async Task A_mistyped_setting_is_reported_and_the_others_still_apply()
    {
        await using var client = LspClient.Start();
        client.Settings = JObject.FromObject(new { completion = new { limit = "many" }, seeds = new { enabled = false } });
        await client.InitializeAsync(PullCapable);
        Assert.Equal(0, (int)(await client.NextStatusAsync())["files"]!);
        Assert.Contains(client.LogMessages, m => ((string?)m["message"])!.Contains("citelsp.completion.limit", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Search_limit_defaults_to_the_completion_limit_setting()
    {
        await using var client = LspClient.Start();
        client.Settings = JObject.FromObject(new { completion = new { limit = 2 } });
        await client.InitializeAsync(PullCapable);
        await client.NextStatusAsync();
        var items = (JArray)(await client.RequestAsync("citelsp/search", new { query = "" }))["items"]!;
        Assert.Equal(2, items.Count);
    }
}
