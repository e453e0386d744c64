using System.Diagnostics;
using System.Text;
using Newtonsoft.Json.Linq;
using Xunit.Abstractions;

namespace CiteLsp.Tests.Server.Abuse;

/// <summary>
/// Hostile protocol input against the real process: every request still gets exactly one proper JSON-RPC
/// answer, the server stays alive and serves correct results afterwards, and its memory comes back.
/// </summary>
public class ProtocolAbuseTests(ITestOutputHelper output)
{
    private const string FindMe = "{\"jsonrpc\":\"2.0\",\"id\":\"check\",\"method\":\"citelsp/search\",\"params\":{\"query\":\"corgi hybrid\",\"limit\":3}}";

    private static async Task<RawConnection> InitializedAsync()
    {
        var raw = new RawConnection();
        await raw.SendAsync(new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { capabilities = new { } } });
        await raw.ResponseAsync(1);
        await raw.SendAsync(new { jsonrpc = "2.0", method = "initialized", @params = new { } });
        return raw;
    }

    /// <summary>A search whose right answer is known (a seed paper): the server still works, and works correctly.</summary>
    private static async Task AssertServesCorrectlyAsync(RawConnection raw)
    {
        await raw.WriteAsync(RawConnection.Frame(FindMe));
        var response = await raw.ResponseAsync("check");
        var items = (JArray)response["result"]!["items"]!;
        Assert.Contains(items, i => ((string)i["title"]!).StartsWith("Corgi^2", StringComparison.Ordinal));
        Assert.False(raw.Server.Process.HasExited);
    }

    private static bool IsError(JObject m, int code) => m["error"]?["code"]?.Value<int>() == code;

    [Fact]
    public async Task Random_garbage_is_answered_with_ParseErrors_and_the_server_keeps_serving()
    {
        using var raw = await InitializedAsync();
        var random = new Random(42);
        for (var round = 0; round < 20; round++)
        {
            var junk = new byte[random.Next(1, 4096)];
            random.NextBytes(junk);
            // Half the rounds hide a header-like prefix in the junk.
            if (round % 2 == 0) "Content-Length: 12\r\n"u8.CopyTo(junk.AsSpan(0, Math.Min(junk.Length, 20)));
            await raw.WriteAsync(junk);
        }
        // Whatever the junk left half-open is closed by a blank line and a body that is not JSON.
        await raw.WriteAsync("\r\n\r\nContent-Length: 5\r\n\r\n}}}}}");
        await raw.ReadUntilAsync(m => IsError(m, -32700));
        await AssertServesCorrectlyAsync(raw);
    }

    [Fact]
    public async Task Header_without_a_body_swallows_what_follows_and_the_server_resynchronises()
    {
        using var raw = await InitializedAsync();
        await raw.WriteAsync("Content-Length: 40\r\n\r\n");
        await raw.SendAsync(new { jsonrpc = "2.0", id = 2, method = "foo/unknown", @params = new { padding = new string('x', 60) } });
        await raw.ReadUntilAsync(m => IsError(m, -32700));
        await AssertServesCorrectlyAsync(raw);
        Assert.DoesNotContain(raw.Seen, m => m["id"]?.Type == JTokenType.Integer && (int)m["id"]! == 2);
    }

    [Fact]
    public async Task Header_without_a_body_at_the_end_of_input_ends_the_process_quickly()
    {
        using var raw = await InitializedAsync();
        await raw.WriteAsync("Content-Length: 100\r\n\r\n{\"jsonrpc\"");
        raw.Server.Input.Close();
        Assert.NotNull(await raw.Server.WaitForExitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Closing_stdin_without_exit_ends_the_process_within_a_second()
    {
        using var raw = await InitializedAsync();
        await AssertServesCorrectlyAsync(raw);
        var clock = Stopwatch.StartNew();
        raw.Server.Input.Close();
        var code = await raw.Server.WaitForExitAsync(TimeSpan.FromSeconds(10));
        output.WriteLine($"exited {clock.ElapsedMilliseconds} ms after stdin closed, code {code}");
        Assert.NotNull(code);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Deeply_nested_json_is_refused_and_the_server_keeps_serving()
    {
        using var raw = await InitializedAsync();
        foreach (var depth in new[] { 100, 100_000 })
        {
            var body = $"{{\"jsonrpc\":\"2.0\",\"id\":{depth},\"method\":\"citelsp/search\",\"params\":{{\"query\":\"x\",\"deep\":" +
                new string('[', depth) + new string(']', depth) + "}}";
            await raw.WriteAsync(RawConnection.Frame(body));
            // Too deep to parse: a ParseError without an id (the id was never read), or an error for this id.
            await raw.ReadUntilAsync(m => m["error"] is not null && (m["id"]?.Type == JTokenType.Null || (int?)m["id"] == depth));
        }
        await raw.WriteAsync(RawConnection.Frame("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":" + new string('{', 5000) + "}"));
        await AssertServesCorrectlyAsync(raw);
    }

    [Theory]
    [InlineData("citelsp/search", "{\"query\":42,\"limit\":\"ten\"}")]
    [InlineData("citelsp/search", "{\"query\":[\"a\"],\"textDocument\":7}")]
    [InlineData("citelsp/search", "{\"query\":\"a\",\"limit\":1e300}")]
    [InlineData("citelsp/search", "{\"query\":\"a\",\"limit\":-5}")]
    [InlineData("citelsp/bibliographies", "{\"textDocument\":{\"uri\":5}}")]
    [InlineData("citelsp/bibliographies", "{\"textDocument\":{\"uri\":\"not a uri\"}}")]
    [InlineData("citelsp/bibliographies", "{\"textDocument\":[]}")]
    [InlineData("shutdown", "{\"unexpected\":true}")]
    [InlineData("initialize", "{\"capabilities\":\"all\"}")]
    public async Task Wrong_parameter_types_get_an_error_or_a_sane_answer_and_nothing_breaks(string method, string parameters)
    {
        using var raw = await InitializedAsync();
        await raw.WriteAsync(RawConnection.Frame($"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"{method}\",\"params\":{parameters}}}"));
        var response = await raw.ResponseAsync(2);
        output.WriteLine(response.ToString(Newtonsoft.Json.Formatting.None));
        if (response["error"] is { } error)
        {
            Assert.Contains((int)error["code"]!, new[] { -32602, -32600, -32603, -32803 });
            Assert.DoesNotContain("   at ", (string)error["message"]!);
        }
        if (method != "shutdown") await AssertServesCorrectlyAsync(raw);
    }

    [Fact]
    public async Task Notifications_with_wrong_types_are_dropped_and_the_server_keeps_serving()
    {
        using var raw = await InitializedAsync();
        string[] bad =
        [
            "{\"textDocument\":{\"uri\":\"file:///a.tex\",\"languageId\":\"latex\",\"version\":\"one\",\"text\":5}}",
            "{\"textDocument\":{\"uri\":\"file:///a.tex\",\"languageId\":7,\"version\":1,\"text\":\"\\\\cite{\"}}",
        ];
        foreach (var p in bad) await raw.WriteAsync(RawConnection.Frame($"{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didOpen\",\"params\":{p}}}"));
        string[] changes =
        [
            "{\"textDocument\":{\"uri\":\"file:///a.tex\",\"version\":2},\"contentChanges\":\"x\"}",
            "{\"textDocument\":{\"uri\":\"file:///a.tex\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":-1,\"character\":-9},\"end\":{\"line\":99999,\"character\":2147483647}},\"text\":\"x\"}]}",
            "{\"textDocument\":{\"uri\":\"file:///a.tex\",\"version\":2},\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,\"character\":5},\"end\":{\"line\":0,\"character\":1}},\"text\":\"x\"}]}",
            "{\"textDocument\":null,\"contentChanges\":[null]}",
        ];
        foreach (var p in changes) await raw.WriteAsync(RawConnection.Frame($"{{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{p}}}"));
        await raw.WriteAsync(RawConnection.Frame("{\"jsonrpc\":\"2.0\",\"method\":\"workspace/didChangeConfiguration\",\"params\":{\"settings\":{\"citelsp\":{\"library\":7,\"limits\":{\"maxCatalogSizeMB\":\"big\"}}}}}"));
        await raw.WriteAsync(RawConnection.Frame("{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{\"id\":{\"nested\":1}}}"));
        await AssertServesCorrectlyAsync(raw);
    }

    [Fact]
    public async Task Requests_before_initialize_are_refused_and_notifications_dropped_then_initialize_works()
    {
        using var raw = new RawConnection();
        await raw.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri = "file:///early.tex", languageId = "latex", version = 1, text = "x" } } });
        foreach (var (id, method) in new[] { (2, "citelsp/search"), (3, "citelsp/bibliographies"), (4, "citelsp/search") })
        {
            await raw.SendAsync(new { jsonrpc = "2.0", id, method, @params = new { query = "x", textDocument = new { uri = "file:///early.tex" } } });
            var response = await raw.ResponseAsync(id);
            Assert.Equal(-32002, (int)response["error"]!["code"]!);
        }
        await raw.SendAsync(new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { capabilities = new { } } });
        Assert.NotNull((await raw.ResponseAsync(1))["result"]);
        await raw.SendAsync(new { jsonrpc = "2.0", method = "initialized", @params = new { } });
        await raw.SendAsync(new { jsonrpc = "2.0", id = 6, method = "initialize", @params = new { capabilities = new { } } });
        Assert.NotNull((await raw.ResponseAsync(6))["error"]);
        await AssertServesCorrectlyAsync(raw);
    }

    [Fact]
    public async Task A_100_MB_message_is_refused_without_being_read_and_memory_stays_put()
    {
        using var raw = await InitializedAsync();
        await AssertServesCorrectlyAsync(raw);
        var pid = raw.Server.Process.Id;
        var before = ProcessMemory.ResidentBytes(pid);

        // A 100 MB document (notification: dropped with a warning) and a 100 MB request (answered with an error).
        var text = new StringBuilder(100 << 20);
        while (text.Length < 100 << 20) text.Append("Some prose citing \\cite{key").Append(text.Length).Append("} and more. ");
        var open = JObject.FromObject(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri = "file:///huge.tex", languageId = "latex", version = 1, text = text.ToString() } } });
        await raw.WriteAsync(RawConnection.Frame(open.ToString(Newtonsoft.Json.Formatting.None)));
        await raw.WriteAsync(RawConnection.Frame($"{{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"citelsp/search\",\"params\":{{\"query\":\"{new string('q', 100 << 20)}\",\"limit\":1}}}}"));
        var response = await ResponseAsync(raw, 2, 120);
        Assert.Equal(-32600, (int)response["error"]!["code"]!);
        Assert.Contains("limit", (string)response["error"]!["message"]!);
        await AssertServesCorrectlyAsync(raw);

        var after = await SettledMemoryAsync(raw, pid, before);
        output.WriteLine($"resident before {ProcessMemory.Mb(before)}, after two 100 MB messages {ProcessMemory.Mb(after)}");
        Assert.True(after < before + (64L << 20), $"before {ProcessMemory.Mb(before)}, after {ProcessMemory.Mb(after)}");
        Assert.Contains("textDocument/didOpen) is over the", raw.Server.Stderr);
    }

    [Fact]
    public async Task Ten_thousand_didChange_notifications_leave_the_right_text_and_memory_comes_back()
    {
        using var raw = await InitializedAsync();
        await AssertServesCorrectlyAsync(raw);
        var pid = raw.Server.Process.Id;
        var uri = "file:///storm.tex";
        await raw.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri, languageId = "latex", version = 1, text = "" } } });
        var before = ProcessMemory.ResidentBytes(pid);
        var batch = new StringBuilder();
        for (var v = 0; v < 10_000; v++)
        {
            // Each change inserts one character at the end of line 0 (line 0, character v).
            var change = new { jsonrpc = "2.0", method = "textDocument/didChange", @params = new { textDocument = new { uri, version = v + 2 },
                contentChanges = new[] { new { range = new { start = new { line = 0, character = v }, end = new { line = 0, character = v } }, text = ((char)('a' + v % 26)).ToString() } } } };
            batch.Append(RawConnection.Frame(JObject.FromObject(change).ToString(Newtonsoft.Json.Formatting.None)));
            if (batch.Length > 64 * 1024) { await raw.WriteAsync(batch.ToString()); batch.Clear(); }
        }
        await raw.WriteAsync(batch.ToString());
        // Each range is valid only if every earlier change came through, in order: none may be refused as "outside".
        await raw.SendAsync(new { jsonrpc = "2.0", id = 2, method = "citelsp/bibliographies", @params = new { textDocument = new { uri } } });
        Assert.NotNull((await ResponseAsync(raw, 2, 60))["result"]);
        await AssertServesCorrectlyAsync(raw);
        var after = await SettledMemoryAsync(raw, pid, before);
        output.WriteLine($"resident before {ProcessMemory.Mb(before)}, after 10,000 didChange {ProcessMemory.Mb(after)}");
        // Given back once the storm is over (IdleMemory); without that it stayed 30-65 MB up.
        Assert.True(after < before + (32L << 20), $"before {ProcessMemory.Mb(before)}, after {ProcessMemory.Mb(after)}");
        Assert.DoesNotContain("outside", raw.Server.Stderr);
    }

    [Fact]
    public async Task A_thousand_requests_cancelled_right_after_sending_each_get_one_answer()
    {
        using var raw = await InitializedAsync();
        await AssertServesCorrectlyAsync(raw);
        var pid = raw.Server.Process.Id;
        var before = ProcessMemory.ResidentBytes(pid);
        var batch = new StringBuilder();
        for (var id = 100; id < 1100; id++)
        {
            batch.Append(RawConnection.Frame($"{{\"jsonrpc\":\"2.0\",\"id\":{id},\"method\":\"citelsp/search\",\"params\":{{\"query\":\"learning parities {id}\",\"limit\":50}}}}"));
            batch.Append(RawConnection.Frame($"{{\"jsonrpc\":\"2.0\",\"method\":\"$/cancelRequest\",\"params\":{{\"id\":{id}}}}}"));
            if (batch.Length > 32 * 1024) { await raw.WriteAsync(batch.ToString()); batch.Clear(); }
        }
        await raw.WriteAsync(batch.ToString());
        var answered = new Dictionary<int, JObject>();
        await raw.ReadUntilAsync(m =>
        {
            if (m["id"]?.Type == JTokenType.Integer && (int)m["id"]! is >= 100 and < 1100 and var id)
            {
                Assert.True(answered.TryAdd(id, m), $"request {id} answered twice");
                Assert.True(m["result"] is not null || IsError(m, -32800), m.ToString());
            }
            return answered.Count == 1000;
        }, timeoutSeconds: 120);
        await AssertServesCorrectlyAsync(raw);
        var after = await SettledMemoryAsync(raw, pid, before);
        output.WriteLine($"{answered.Values.Count(m => m["error"] is not null)} of 1000 cancelled; resident before {ProcessMemory.Mb(before)}, after {ProcessMemory.Mb(after)}");
        Assert.True(after < before + (64L << 20), $"before {ProcessMemory.Mb(before)}, after {ProcessMemory.Mb(after)}");
    }

    private static Task<JObject> ResponseAsync(RawConnection raw, long id, int timeoutSeconds) =>
        raw.ReadUntilAsync(m => m["id"]?.Type == JTokenType.Integer && (long)m["id"]! == id && m["method"] is null, timeoutSeconds);

    /// <summary>Resident memory once the server is idle again: polled for up to 15 s, the lowest reading (early out once near <paramref name="before"/>).</summary>
    private async Task<long> SettledMemoryAsync(RawConnection raw, int pid, long before)
    {
        var lowest = long.MaxValue;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(15))
        {
            await AssertServesCorrectlyAsync(raw);
            lowest = Math.Min(lowest, ProcessMemory.ResidentBytes(pid));
            if (lowest < before + (32L << 20)) break;
            await Task.Delay(500);
        }
        output.WriteLine($"memory settled after {clock.ElapsedMilliseconds} ms");
        return lowest;
    }
}
