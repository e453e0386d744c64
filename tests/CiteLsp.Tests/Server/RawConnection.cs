using System.Text;
using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server;

/// <summary>
/// Byte-level access to the server for malformed-input tests: writes arbitrary bytes to stdin and parses
/// stdout strictly (anything but "Content-Length: N\r\n\r\n" + a JSON body fails the test, which also proves
/// nothing else ever reaches stdout).
/// </summary>
internal sealed class RawConnection : IDisposable
{
    private readonly ServerProcess _server = new([]);
    private readonly List<JObject> _seen = [];
    private readonly BufferedStream _output;

    public RawConnection() => _output = new BufferedStream(_server.Output);

    public ServerProcess Server => _server;
    public IReadOnlyList<JObject> Seen => _seen;

    public async Task WriteAsync(string raw) => await WriteAsync(Encoding.UTF8.GetBytes(raw));

    public async Task WriteAsync(byte[] raw)
    {
        await _server.Input.WriteAsync(raw);
        await _server.Input.FlushAsync();
    }

    public Task SendAsync(object message) => WriteAsync(Frame(JObject.FromObject(message).ToString(Newtonsoft.Json.Formatting.None)));

    public static string Frame(string body) => $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";

    /// <summary>Reads messages until one matches; all read messages are kept in <see cref="Seen"/>.</summary>
    public async Task<JObject> ReadUntilAsync(Func<JObject, bool> match, int timeoutSeconds = 20)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (true)
        {
            var message = await ReadMessageAsync(cts.Token);
            _seen.Add(message);
            if (match(message)) return message;
        }
    }

    public Task<JObject> ResponseAsync(object id) => ReadUntilAsync(m => m["id"] is JValue v && Equals(v.Value, id is int i ? (long)i : id) && m["method"] is null);

    private async Task<JObject> ReadMessageAsync(CancellationToken ct)
    {
        var header = new StringBuilder();
        while (!header.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
        {
            var b = await ReadByteAsync(ct);
            header.Append((char)b);
            Assert.True(header.Length < 200, $"stdout is not LSP framing: {header}");
        }
        var line = header.ToString().TrimEnd();
        Assert.StartsWith("Content-Length: ", line);
        var length = int.Parse(line["Content-Length: ".Length..]);
        var body = new byte[length];
        for (var read = 0; read < length;)
        {
            var n = await _output.ReadAsync(body.AsMemory(read), ct);
            if (n == 0) throw new EndOfStreamException("server closed stdout inside a message");
            read += n;
        }
        return JObject.Parse(Encoding.UTF8.GetString(body));
    }

    private async Task<byte> ReadByteAsync(CancellationToken ct)
    {
        var one = new byte[1];
        if (await _output.ReadAsync(one, ct) == 0) throw new EndOfStreamException("server closed stdout");
        return one[0];
    }

    public void Dispose() => _server.Dispose();
}
