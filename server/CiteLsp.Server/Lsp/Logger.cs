using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Lsp;

/// <summary>
/// Logs to stderr always and to the client as window/logMessage once connected. Debug lines reach the client
/// only when it asked for verbose tracing ($/setTrace or initialize's trace).
/// </summary>
internal sealed class Logger(TextWriter stderr)
{
    private JsonRpc? _rpc;

    public string Trace { get; set; } = "off";

    public void Attach(JsonRpc rpc) => _rpc = rpc;

    public void Error(string message) => Write(MessageType.Error, "error", message);

    /// <summary>An error whose detail (a stack trace) goes to stderr only.</summary>
    public void Error(string message, string detail)
    {
        lock (stderr) stderr.WriteLine($"citelsp [error] {detail}");
        Write(MessageType.Error, "error", message);
    }
    public void Warning(string message) => Write(MessageType.Warning, "warning", message);
    public void Info(string message) => Write(MessageType.Info, "info", message);
    public void Debug(string message) => Write(MessageType.Log, "debug", message);

    private void Write(int type, string level, string message)
    {
        lock (stderr) stderr.WriteLine($"citelsp [{level}] {message}");
        if (_rpc is null || (type == MessageType.Log && Trace != "verbose")) return;
        Observe(_rpc.NotifyWithParameterObjectAsync(Methods.WindowLogMessage, new LogMessageParams(type, message)));
    }

    /// <summary>Fire-and-forget sends fail once the client is gone; swallow that instead of an unobserved task.</summary>
    public static void Observe(Task task) =>
        task.ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
}
