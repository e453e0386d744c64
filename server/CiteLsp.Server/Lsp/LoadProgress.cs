using System.Threading.Channels;
using CiteLsp.Server.Protocol;

namespace CiteLsp.Server.Lsp;

/// <summary>
/// One catalog load shown in the editor as LSP work-done progress (VS Code's status bar, Neovim's LspProgress, Emacs'
/// mode line) when the client supports it, and only if it is still running after <see cref="Delay"/>: a 600 MB
/// library takes seconds, during which completion has nothing to offer, while a reload after an edit should not flash.
/// Messages are sent in order from one task: create (the client may refuse), begin with the latest message, reports,
/// end.
/// </summary>
internal sealed class LoadProgress : IDisposable
{
    /// <summary>Loads done sooner show nothing.</summary>
    public static readonly TimeSpan Delay = TimeSpan.FromMilliseconds(300);

    private static int s_next;
    private readonly Channel<string> _updates = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly string _token = $"citelsp/load/{Interlocked.Increment(ref s_next)}";
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string? _endMessage;

    /// <param name="request">Sends a request to the client and waits for its answer.</param>
    /// <param name="notify">Sends a notification to the client.</param>
    public LoadProgress(string title, string message, TimeSpan delay, Func<string, object, Task> request, Func<string, object, Task> notify)
    {
        Sent = ConverseAsync(title, message, delay, request, notify);
    }

    /// <summary>Done when everything this load will show has been sent (or the client refused it).</summary>
    public Task Sent { get; }

    /// <summary>What the load is doing now: shown at once if the progress is showing, else as its first message.</summary>
    public void Report(string message) => _updates.Writer.TryWrite(message);

    /// <summary>The load is over; the first call counts.</summary>
    public void End(string? message)
    {
        if (Interlocked.CompareExchange(ref _endMessage, message ?? "", null) is not null) return;
        _updates.Writer.TryComplete();
        _ended.TrySetResult();
    }

    /// <summary>Ends the progress if the load did not (it failed).</summary>
    public void Dispose() => End(null);

    private async Task ConverseAsync(string title, string message, TimeSpan delay, Func<string, object, Task> request, Func<string, object, Task> notify)
    {
        if (await Task.WhenAny(_ended.Task, Task.Delay(delay)) == _ended.Task) return;
        try
        {
            await request(Methods.WindowWorkDoneProgressCreate, new WorkDoneProgressCreateParams(_token));
        }
        catch (Exception) { return; } // refused, or the client is gone: nothing may be sent with this token
        try
        {
            while (_updates.Reader.TryRead(out var latest)) message = latest;
            await notify(Methods.Progress, new ProgressParams(_token, new WorkDoneProgressBegin(title, message)));
            while (await _updates.Reader.WaitToReadAsync())
                while (_updates.Reader.TryRead(out var next))
                    await notify(Methods.Progress, new ProgressParams(_token, new WorkDoneProgressReport(next)));
            await notify(Methods.Progress, new ProgressParams(_token, new WorkDoneProgressEnd(Volatile.Read(ref _endMessage))));
        }
        catch (Exception) { } // the client is gone
    }
}
