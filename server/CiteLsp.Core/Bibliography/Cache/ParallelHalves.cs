using System.Runtime.ExceptionServices;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>Runs work over [0, count) as two halves, one on the thread pool and one here (a warm start has two cores
/// to use while nothing else runs). Both halves finish before it returns; the first failure is rethrown as it was.</summary>
internal static class ParallelHalves
{
    /// <summary>Below this, a second thread costs more than it saves.</summary>
    private const int MinCount = 4096;

    public static void Run(int count, Action<int, int> work)
    {
        if (count < MinCount || Environment.ProcessorCount < 2)
        {
            work(0, count);
            return;
        }
        var middle = count / 2;
        var other = Task.Run(() => work(middle, count));
        Exception? error = null;
        try { work(0, middle); }
        catch (Exception ex) { error = ex; }
        try { other.GetAwaiter().GetResult(); }
        catch (Exception ex) { error ??= ex; }
        if (error is not null) ExceptionDispatchInfo.Throw(error);
    }
}
