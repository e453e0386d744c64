using System.Diagnostics;
using System.IO.Pipelines;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CiteLsp.Server.Lsp;

/// <summary>
/// Runs the language server over a pair of streams (stdin/stdout in production) until <c>exit</c> or the end
/// of input. Returns the process exit code: 0 if <c>shutdown</c> was received first, else 1.
/// </summary>
internal static class LspHost
{
    public static async Task<int> RunAsync(Stream input, Stream output, TextWriter stderr)
    {
        var log = new Logger(stderr);
        var inbound = new Pipe();
        var handler = new HeaderDelimitedMessageHandler(PipeWriter.Create(output), inbound.Reader, LspFormatter.Create());
        var rpc = new LspJsonRpc(handler, log)
        {
            CancelLocallyInvokedMethodsWhenConnectionIsClosed = true,
            TraceSource = CreateTrace(stderr),
        };
        var session = new Session(rpc, log);
        foreach (var target in HandlerTable.Create(session)) rpc.AddLocalRpcTarget(target);
        log.Attach(rpc);

        var framer = new MessageFramer(input, inbound.Writer, (id, code, message) => handler.WriteAsync(
            new JsonRpcError { RequestId = id, Error = new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)code, Message = message } },
            CancellationToken.None).AsTask(), log);
        rpc.StartListening();
        _ = Task.Run(() => framer.RunAsync(CancellationToken.None));

        await Task.WhenAny(session.Exited.Task, rpc.Completion);
        var exitCode = session.ShutdownRequested ? 0 : 1;
        log.Info(session.Exited.Task.IsCompleted ? $"exit (code {exitCode})" : $"input closed (code {exitCode})");
        session.Catalogs.Dispose();
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
