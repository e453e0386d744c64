using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server;

/// <summary>The multi-core JIT profile the server keeps in the cache folder, over the real process.</summary>
public class StartupProfileTests
{
    [Fact]
    public async Task A_session_leaves_a_profile_that_the_next_start_runs_with()
    {
        using var cache = new TempDir();
        var profile = Path.Combine(cache.Path, "citelsp", "server.jitprofile");

        Assert.Equal(0, await SessionAsync(cache.Path));
        Assert.True(new FileInfo(profile).Length > 0, "no profile written at exit");

        Assert.Equal(0, await SessionAsync(cache.Path));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("truncated")]
    public async Task A_damaged_profile_is_ignored_and_replaced(string damage)
    {
        using var cache = new TempDir();
        var profile = Path.Combine(cache.Path, "citelsp", "server.jitprofile");
        Assert.Equal(0, await SessionAsync(cache.Path));
        var good = File.ReadAllBytes(profile);
        byte[] damaged = damage == "garbage" ? [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 131 % 251))] : good[..(good.Length / 2)];
        File.WriteAllBytes(profile, damaged);

        Assert.Equal(0, await SessionAsync(cache.Path));
        Assert.NotEqual(damaged, File.ReadAllBytes(profile)); // recorded again
    }

    [Fact]
    public async Task Servers_that_exit_together_leave_a_profile_the_next_start_can_use()
    {
        // Editors often run one server per window; they all write the profile at exit.
        using var cache = new TempDir();
        for (var round = 0; round < 3; round++)
            Assert.All(await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => SessionAsync(cache.Path))), code => Assert.Equal(0, code));
        Assert.Equal(0, await SessionAsync(cache.Path));
    }

    /// <summary>A session that completes a citation from the seed catalog, then shuts down; the exit code.</summary>
    private static async Task<int?> SessionAsync(string cacheHome)
    {
        await using var client = LspClient.StartWithCache(cacheHome);
        await client.InitializeAsync();
        await client.NotifyAsync("initialized", new { });
        const string uri = "file:///tmp/startup-profile/paper.tex";
        await client.OpenAsync(uri, "\\cite{}");
        var items = (JArray)(await client.RequestAsync("textDocument/completion", new { textDocument = new { uri }, position = new { line = 0, character = 6 } }))["items"]!;
        Assert.NotEmpty(items);
        return await client.ShutdownAndExitAsync();
    }
}
