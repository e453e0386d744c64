using System.Runtime.ExceptionServices;

namespace CiteLsp.Core.Bibliography;

/// <summary>
/// Runs two pieces of work at once, one here and one on the thread pool (a warm start has two cores to use while
/// little else runs). The pool's piece runs here instead if no pool thread has taken it by the time this one is done,
/// so a busy pool costs no waiting. Both pieces end before it returns; the first failure is rethrown as it was.
/// </summary>
internal static class BothCores
{
    /// <summary>Below this, a second thread costs more than it saves.</summary>
    private const int MinCount = 4096;

    /// <summary>[0, count) in two halves.</summary>
    public static void Halves(int count, Action<int, int> work)
    {
        if (count < MinCount || Environment.ProcessorCount < 2) work(0, count);
        else Run(() => work(0, count / 2), () => work(count / 2, count));
    }

    public static void Run(Action here, Action there)
    {
        var claimed = 0;
        var other = Task.Run(() =>
        {
            if (Interlocked.Exchange(ref claimed, 1) == 0) there();
        });
        Exception? error = null;
        try { here(); }
        catch (Exception ex) { error = ex; }
        try
        {
            if (Interlocked.Exchange(ref claimed, 1) != 0) other.GetAwaiter().GetResult();
            else if (error is null) there();
        }
        catch (Exception ex) { error ??= ex; }
        if (error is not null) ExceptionDispatchInfo.Throw(error);
    }
}
