using System.Runtime.ExceptionServices;

namespace CiteLsp.Core.Bibliography;

/// <summary>
/// Splits the work of a big load over the machine's cores: a first load has them to itself while little else runs.
/// Pieces the thread pool has not taken by the time this thread is free run here, so a busy pool costs no waiting.
/// </summary>
internal static class Cores
{
    /// <summary>Below this, another thread costs more than it saves.</summary>
    private const int MinCount = 4096;

    /// <summary>How many parts a big piece of work is cut into: one per core, at most 16 (each part's scan and join
    /// has a fixed cost).</summary>
    public static int Count { get; } = Math.Clamp(Environment.ProcessorCount, 1, 16);

    /// <summary>[0, count) in <see cref="Count"/> ranges, each given to <paramref name="work"/> as [from, to).</summary>
    public static void Parts(int count, Action<int, int> work) => Parts(count, count < MinCount ? 1 : Count, work);

    /// <summary>[0, count) in <paramref name="parts"/> ranges (tests give more parts than this machine has cores). The
    /// first failure is rethrown as it was.</summary>
    public static void Parts(int count, int parts, Action<int, int> work)
    {
        parts = Math.Clamp(parts, 1, Math.Max(1, count));
        if (parts == 1) { work(0, count); return; }
        try { Parallel.For(0, parts, p => work((int)((long)count * p / parts), (int)((long)count * (p + 1) / parts))); }
        catch (AggregateException ex) { ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]); } // as one thread would throw it

    }

    /// <summary>Two different pieces of work at once, one here and one on the thread pool; both end before it returns,
    /// and the first failure is rethrown as it was.</summary>
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
