using System.Diagnostics;
using System.IO.Pipelines;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CiteLsp.Server.Lsp;

/// <summary>
/// The language server over a pair of streams (stdin/stdout in production, in-memory pipes in tests): wires
/// the resilient framer, StreamJsonRpc and the handlers, then runs until <c>exit</c> or the end of input.
/// </summary>
internal sealed class LspServer
{
    private readonly MessageFramer _framer;
    private readonly LspJsonRpc _rpc;

    public LspServer(Stream input, Stream output, TextWriter stderr)
    {
        var log = new Logger(stderr);
        var inbound = new Pipe();
        var handler = new HeaderDelimitedMessageHandler(PipeWriter.Create(output), inbound.Reader, LspFormatter.Create());
        _rpc = new LspJsonRpc(handler, log)
        {
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
            TraceSource = CreateTrace(stderr),
        };
        Session = new Session(_rpc, log);
        foreach (var target in HandlerTable.Create(Session)) _rpc.AddLocalRpcTarget(target);
        log.Attach(_rpc);
        _framer = new MessageFramer(input, inbound.Writer, (id, code, message) => handler.WriteAsync(
            new JsonRpcError { RequestId = id, Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)code, Message = message } },
            CancellationToken.None).AsTask(), log, () => MaxMessageBytes(Session.State.Current.Settings.MaxDocumentBytes));
    }

    public Session Session { get; }

    /// <summary>The biggest message read: a document at the size limit, JSON-escaped (up to 4 bytes per character), plus room.</summary>
    internal static long MaxMessageBytes(long maxDocumentBytes) => Math.Min(4 * maxDocumentBytes + (1 << 20), int.MaxValue);

    /// <summary>Returns the process exit code: 0 if <c>shutdown</c> came before <c>exit</c> (or the end of input), else 1.</summary>
    public async Task<int> RunAsync()
    {
        _rpc.StartListening();
        _ = Task.Run(() => _framer.RunAsync(CancellationToken.None));
        using var idle = new IdleMemory(Session.Log);
        idle.Start();
        // Clients differ: some never send exit (they close the pipe), some send exit and keep the pipe open.
        await Task.WhenAny(Session.Exited.Task, _rpc.Completion);
        var exitCode = Session.ShutdownRequested ? 0 : 1;
        Session.Log.Info(Session.Exited.Task.IsCompleted ? $"exit (code {exitCode})" : $"input closed (code {exitCode})");
        Session.Diagnostics.Dispose();
        Session.Catalogs.Dispose();
        return exitCode;
    }

    /// <summary>StreamJsonRpc's own warnings (e.g. a notification with bad params, otherwise invisible) go to stderr; CITELSP_TRACE=verbose dumps every message.</summary>
    private static TraceSource CreateTrace(TextWriter stderr)
    {
        var verbose = Environment.GetEnvironmentVariable("CITELSP_TRACE") == "verbose";
        var trace = new TraceSource("citelsp", verbose ? SourceLevels.Verbose : SourceLevels.Warning);
        trace.Listeners.Clear();
        trace.Listeners.Add(new TextWriterTraceListener(stderr));
        return trace;
    }
}
