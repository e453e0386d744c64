using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server;

/// <summary>Bad bytes on stdin get ParseError/InvalidRequest answers and the server keeps serving.</summary>
public class MalformedInputTests
{
    private static async Task<RawConnection> InitializedAsync()
    {
        var raw = new RawConnection();
        await raw.SendAsync(new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { capabilities = new { } } });
        await raw.ResponseAsync(1);
        return raw;
    }

    private static async Task AssertStillServesAsync(RawConnection raw, int id)
    {
        await raw.SendAsync(new { jsonrpc = "2.0", id, method = "foo/unknown", @params = new { } });
        var response = await raw.ResponseAsync(id);
        Assert.Equal(-32601, (int)response["error"]!["code"]!);
    }

    private static bool IsError(JObject m, int code) => m["error"]?["code"]?.Value<int>() == code && m["id"]?.Type == JTokenType.Null;

    [Fact]
    public async Task Invalid_json_body_is_answered_with_ParseError_and_skipped()
    {
        using var raw = await InitializedAsync();
        await raw.WriteAsync(RawConnection.Frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"));
        await raw.ReadUntilAsync(m => IsError(m, -32700));
        await AssertStillServesAsync(raw, 3);
    }

    [Fact]
    public async Task Garbage_bytes_between_messages_are_skipped()
    {
        using var raw = await InitializedAsync();
        await raw.WriteAsync([0xff, 0xfe, 0x00, 0x41, 0x0a, 0x0d, 0x7b]);
        await raw.WriteAsync("hello world\r\n\r\n");
        await raw.ReadUntilAsync(m => IsError(m, -32700));
        await AssertStillServesAsync(raw, 2);
    }

    [Fact]
    public async Task Too_short_Content_Length_cuts_the_body_and_the_server_resynchronises()
    {
        using var raw = await InitializedAsync();
        var body = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"foo/unknown\",\"params\":{}}";
        await raw.WriteAsync($"Content-Length: {body.Length - 10}\r\n\r\n{body}");
        await raw.ReadUntilAsync(m => IsError(m, -32700));
        await AssertStillServesAsync(raw, 3);
    }

    [Fact]
    public async Task Too_long_Content_Length_swallows_part_of_the_next_message_and_the_server_resynchronises()
    {
        using var raw = await InitializedAsync();
        var body = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"foo/unknown\",\"params\":{}}";
        await raw.WriteAsync($"Content-Length: {body.Length + 20}\r\n\r\n{body}");
        await raw.SendAsync(new { jsonrpc = "2.0", id = 3, method = "foo/unknown", @params = new { } });
        await raw.ReadUntilAsync(m => IsError(m, -32700));
        await AssertStillServesAsync(raw, 4);
        Assert.DoesNotContain(raw.Seen, m => m["id"]?.Type == JTokenType.Integer && (int)m["id"]! == 3);
    }

    [Fact]
    public async Task Invalid_Content_Length_value_is_a_ParseError()
    {
        using var raw = await InitializedAsync();
        await raw.WriteAsync("Content-Length: lots\r\n\r\n");
        await raw.ReadUntilAsync(m => IsError(m, -32700));
        await AssertStillServesAsync(raw, 2);
    }

    [Theory]
    [InlineData("[1,2,3]")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"id\":{\"a\":1},\"method\":\"x\"}")]
    [InlineData("{\"jsonrpc\":\"1.0\",\"method\":\"x\"}")]
    [InlineData("{\"jsonrpc\":\"2.0\",\"method\":5}")]
    [InlineData("{\"jsonrpc\":\"2.0\"}")]
    public async Task Json_that_is_not_a_message_is_an_InvalidRequest(string body)
    {
        using var raw = await InitializedAsync();
        await raw.WriteAsync(RawConnection.Frame(body));
        await raw.ReadUntilAsync(m => IsError(m, -32600));
        await AssertStillServesAsync(raw, 2);
    }

    [Fact]
    public async Task Invalid_request_with_an_id_is_answered_with_that_id()
    {
        using var raw = await InitializedAsync();
        await raw.WriteAsync(RawConnection.Frame("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"citelsp/search\",\"params\":\"query\"}"));
        var response = await raw.ResponseAsync(7);
        Assert.Equal(-32600, (int)response["error"]!["code"]!);
    }

    [Fact]
    public async Task Missing_required_params_are_InvalidParams_and_bad_notifications_are_survived()
    {
        using var raw = await InitializedAsync();
        await raw.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didChange", @params = new { } });
        await raw.SendAsync(new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = 5 } });
        await raw.SendAsync(new { jsonrpc = "2.0", id = 2, method = "citelsp/bibliographies", @params = new { } });
        var response = await raw.ResponseAsync(2);
        Assert.Equal(-32602, (int)response["error"]!["code"]!);
        Assert.DoesNotContain("   at ", (string)response["error"]!["message"]!);
        await AssertStillServesAsync(raw, 3);
    }

    [Fact]
    public async Task Null_params_are_accepted_as_Eglot_sends_them()
    {
        using var raw = await InitializedAsync();
        await raw.WriteAsync(RawConnection.Frame("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"shutdown\",\"params\":null}"));
        var response = await raw.ResponseAsync(2);
        Assert.Null(response["error"]);
        Assert.Equal(JTokenType.Null, response["result"]!.Type);
        await raw.WriteAsync(RawConnection.Frame("{\"jsonrpc\":\"2.0\",\"method\":\"exit\",\"params\":null}"));
        Assert.Equal(0, await raw.Server.WaitForExitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task Headers_other_than_Content_Length_are_accepted()
    {
        using var raw = await InitializedAsync();
        var body = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"foo/unknown\",\"params\":{}}";
        await raw.WriteAsync($"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\nContent-Length: {body.Length}\r\n\r\n{body}");
        var response = await raw.ResponseAsync(2);
        Assert.Equal(-32601, (int)response["error"]!["code"]!);
        Assert.DoesNotContain(raw.Seen, m => IsError(m, -32700));
    }
}
