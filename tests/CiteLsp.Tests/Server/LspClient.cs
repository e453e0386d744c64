using System.Collections.Concurrent;
using System.Threading.Channels;
using CiteLsp.Server.Lsp;
using Nerdbank.Streams;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CiteLsp.Tests.Server;

/// <summary>
/// An LSP client on StreamJsonRpc for tests: speaks to the real server process over stdio (<see cref="Start"/>),
/// or to an in-process server over memory streams when a test must look at server state (<see cref="InProcess"/>).
/// Params and results are plain JSON (anonymous objects / JToken), so tests check the wire format, not shared DTOs.
/// It answers workspace/configuration with <see cref="Settings"/> and records what the server sends.
/// </summary>
internal sealed class LspClient : IAsyncDisposable
{
    private readonly Channel<JObject> _status = Channel.CreateUnbounded<JObject>();
    private readonly IDisposable? _owner;
    private readonly Task<int>? _inProcessRun;

    private LspClient(Stream toServer, Stream fromServer, IDisposable? owner, ServerProcess? process, LspServer? server, Task<int>? run)
    {
        _owner = owner;
        Process = process;
        Server = server;
        _inProcessRun = run;
        var formatter = new JsonMessageFormatter();
        formatter.JsonSerializer.NullValueHandling = NullValueHandling.Ignore;
        Rpc = new JsonRpc(new HeaderDelimitedMessageHandler(toServer, fromServer, formatter));
        Rpc.AddLocalRpcTarget(new ClientTarget(this));
        Rpc.StartListening();
    }

    public JsonRpc Rpc { get; }
    public ServerProcess? Process { get; }
    /// <summary>The in-process server (null for a real process).</summary>
    public LspServer? Server { get; }

    /// <summary>The <c>citelsp</c> section returned for workspace/configuration.</summary>
    public JToken? Settings { get; set; }
    public int ConfigurationRequests;
    public ConcurrentQueue<JObject> LogMessages { get; } = new();
    public ConcurrentQueue<JObject> Registrations { get; } = new();
    /// <summary>Every textDocument/publishDiagnostics, in arrival order.</summary>
    public Channel<JObject> Diagnostics { get; } = Channel.CreateUnbounded<JObject>();
    public ConcurrentQueue<JObject> Unregistrations { get; } = new();
    /// <summary>workspace/applyEdit requests, answered with <see cref="ApplyEditResult"/>.</summary>
    public ConcurrentQueue<JObject> AppliedEdits { get; } = new();
    public bool ApplyEditResult { get; set; } = true;
    public int InlayHintRefreshes;
    /// <summary>window/workDoneProgress/create requests (as {"create": token}) and $/progress notifications, in arrival order.</summary>
    public ConcurrentQueue<JObject> Progress { get; } = new();

    public static LspClient Start(params string[] args) => StartWithCache(null, args);

    /// <param name="cacheHome">The server's XDG cache folder (null: the test run's).</param>
    public static LspClient StartWithCache(string? cacheHome, params string[] args)
    {
        var process = new ServerProcess(args, cacheHome);
        return new LspClient(process.Input, process.Output, process, process, null, null);
    }

    public static LspClient InProcess()
    {
        var (clientSide, serverSide) = FullDuplexStream.CreatePair();
        var server = new LspServer(serverSide, serverSide, TextWriter.Null);
        var run = Task.Run(server.RunAsync);
        return new LspClient(clientSide, clientSide, clientSide, null, server, run);
    }

    public async Task<JToken> InitializeAsync(object? capabilities = null, object? initializationOptions = null, string? rootPath = null)
    {
        var result = await RequestAsync("initialize", new
        {
            processId = Environment.ProcessId,
            clientInfo = new { name = "citelsp-tests" },
            rootUri = rootPath is null ? null : new Uri(rootPath).AbsoluteUri,
            capabilities = capabilities ?? new { },
            initializationOptions,
        });
        await NotifyAsync("initialized", new { });
        return result;
    }

    public Task<JToken> RequestAsync(string method, object? parameters = null, CancellationToken cancellationToken = default) =>
        Rpc.InvokeWithParameterObjectAsync<JToken>(method, parameters, cancellationToken);

    public Task NotifyAsync(string method, object? parameters = null) => Rpc.NotifyWithParameterObjectAsync(method, parameters);

    /// <summary>The next citelsp/status notification (optionally the next one matching a condition).</summary>
    public async Task<JObject> NextStatusAsync(Func<JObject, bool>? where = null, int timeoutSeconds = 30)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (true)
        {
            var status = await _status.Reader.ReadAsync(cts.Token);
            if (where is null || where(status)) return status;
        }
    }

    /// <summary>Polls until the client has seen something the server sends in the background (e.g. a registration).</summary>
    public static async Task WaitUntilAsync(Func<bool> condition, int timeoutSeconds = 20)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out waiting for the server");
            await Task.Delay(20);
        }
    }

    /// <summary>The next publishDiagnostics for the URI that satisfies the condition (earlier ones are skipped).</summary>
    public async Task<JArray> NextDiagnosticsAsync(string uri, Func<JArray, bool>? where = null, int timeoutSeconds = 30)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        while (true)
        {
            var p = await Diagnostics.Reader.ReadAsync(cts.Token);
            if ((string?)p["uri"] == uri && (where is null || where((JArray)p["diagnostics"]!))) return (JArray)p["diagnostics"]!;
        }
    }

    public Task OpenAsync(string uri, string text, string languageId = "latex", int version = 1) =>
        NotifyAsync("textDocument/didOpen", new { textDocument = new { uri, languageId, version, text } });

    /// <summary>Shutdown, exit, and the exit code (of the process or the in-process server).</summary>
    public async Task<int?> ShutdownAndExitAsync()
    {
        await RequestAsync("shutdown");
        await NotifyAsync("exit");
        return await ExitCodeAsync();
    }

    public async Task<int?> ExitCodeAsync(int timeoutSeconds = 15)
    {
        if (Process is not null) return await Process.WaitForExitAsync(TimeSpan.FromSeconds(timeoutSeconds));
        var done = await Task.WhenAny(_inProcessRun!, Task.Delay(TimeSpan.FromSeconds(timeoutSeconds)));
        return done == _inProcessRun ? await _inProcessRun : null;
    }

    public async ValueTask DisposeAsync()
    {
        Rpc.Dispose();
        _owner?.Dispose();
        if (_inProcessRun is not null) await Task.WhenAny(_inProcessRun, Task.Delay(2000));
    }

    private sealed class ClientTarget(LspClient client)
    {
        [JsonRpcMethod("citelsp/status", UseSingleObjectParameterDeserialization = true)]
        public void Status(JObject p) => client._status.Writer.TryWrite(p);

        [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
        public void LogMessage(JObject p) => client.LogMessages.Enqueue(p);

        [JsonRpcMethod("workspace/configuration", UseSingleObjectParameterDeserialization = true)]
        public JArray Configuration(JObject p)
        {
            Interlocked.Increment(ref client.ConfigurationRequests);
            return new JArray(((JArray)p["items"]!).Select(_ => client.Settings?.DeepClone() ?? JValue.CreateNull()));
        }

        [JsonRpcMethod("textDocument/publishDiagnostics", UseSingleObjectParameterDeserialization = true)]
        public void PublishDiagnostics(JObject p) => client.Diagnostics.Writer.TryWrite(p);

        [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
        public void Register(JObject p) => client.Registrations.Enqueue(p);

        [JsonRpcMethod("client/unregisterCapability", UseSingleObjectParameterDeserialization = true)]
        public void Unregister(JObject p) => client.Unregistrations.Enqueue(p);

        [JsonRpcMethod("window/workDoneProgress/create", UseSingleObjectParameterDeserialization = true)]
        public void CreateProgress(JObject p) => client.Progress.Enqueue(new JObject { ["create"] = p["token"] });

        [JsonRpcMethod("$/progress", UseSingleObjectParameterDeserialization = true)]
        public void Progress(JObject p) => client.Progress.Enqueue(p);

        [JsonRpcMethod("workspace/inlayHint/refresh")]
        public void InlayHintRefresh() => Interlocked.Increment(ref client.InlayHintRefreshes);

        [JsonRpcMethod("workspace/applyEdit", UseSingleObjectParameterDeserialization = true)]
        public JObject ApplyEdit(JObject p)
        {
            client.AppliedEdits.Enqueue(p);
            return new JObject { ["applied"] = client.ApplyEditResult };
        }
    }
}
