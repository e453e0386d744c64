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

    /// <summary><paramref name="work"/> of 0 … <paramref name="count"/> - 1 at once, each its own piece (a few parts).</summary>
    public static void Each(int count, Action<int> work) => Parts(count, count, (from, to) =>
    {
        for (var i = from; i < to; i++) work(i);
    });

    /// <summary>Where each part's items start when the parts' items follow one another: every part's
    /// <paramref name="count"/> at once, then summed up (the last of the parts + 1 starts is the total).</summary>
    public static long[] Starts(int parts, Func<int, long> count)
    {
        var starts = new long[parts + 1];
        Each(parts, p => starts[p + 1] = count(p));
        for (var p = 1; p <= parts; p++) starts[p] += starts[p - 1];
        return starts;
    }

    /// <summary>The items sorted on all cores (each core sorts a run, then runs are merged in pairs); the array given or
    /// another one. For a total order (no two items equal) the result is <see cref="Array.Sort{T}(T[])"/>'s.</summary>
    public static T[] Sort<T>(T[] items) where T : IComparable<T> => Sort(items, items.Length < MinCount ? 1 : Count);

    internal static T[] Sort<T>(T[] items, int runs) where T : IComparable<T>
    {
        runs = Math.Clamp(runs, 1, Math.Max(1, items.Length));
        var bounds = new int[runs + 1];
        for (var r = 0; r <= runs; r++) bounds[r] = (int)((long)items.Length * r / runs);
        Each(runs, r => Array.Sort(items, bounds[r], bounds[r + 1] - bounds[r]));
        var (source, target) = (items, runs > 1 ? new T[items.Length] : items);
        while (bounds.Length > 2)
        {
            var merged = new int[bounds.Length / 2 + 1]; // runs paired, the last one alone when their number is odd
            for (var m = 0; m < merged.Length; m++) merged[m] = bounds[Math.Min(2 * m, bounds.Length - 1)];
            var (from, into, runBounds) = (source, target, bounds);
            if (merged.Length == 2 && Count > 1 && items.Length >= MinCount)
                // The last merge: from both ends at once, each filling half of the result (1M keys: 60 ms on one core).
                Run(() => MergeFront(from, runBounds[0], runBounds[1], runBounds[2], into),
                    () => MergeBack(from, runBounds[0], runBounds[1], runBounds[2], into));
            else Each(merged.Length - 1, m =>
                Merge(from, runBounds[2 * m], runBounds[Math.Min(2 * m + 1, runBounds.Length - 1)], runBounds[Math.Min(2 * m + 2, runBounds.Length - 1)], into));
            (source, target, bounds) = (target, source, merged);
        }
        return source;
    }

    /// <summary>The sorted runs [lo, mid) and [mid, hi) of <paramref name="from"/> merged into the same place of <paramref name="into"/>.</summary>
    private static void Merge<T>(T[] from, int lo, int mid, int hi, T[] into) where T : IComparable<T>
    {
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) into[k++] = from[j].CompareTo(from[i]) < 0 ? from[j++] : from[i++];
        Array.Copy(from, i, into, k, mid - i);
        Array.Copy(from, j, into, k + mid - i, hi - j);
    }

    /// <summary>The first half (rounded down) of <see cref="Merge{T}"/>'s result, merged from the fronts of the runs.</summary>
    private static void MergeFront<T>(T[] from, int lo, int mid, int hi, T[] into) where T : IComparable<T>
    {
        int i = lo, j = mid;
        for (int k = lo, end = lo + (hi - lo) / 2; k < end; k++)
            into[k] = j < hi && (i == mid || from[j].CompareTo(from[i]) < 0) ? from[j++] : from[i++];
    }

    /// <summary>The rest of <see cref="Merge{T}"/>'s result, merged from the backs of the runs: of two equal items the
    /// second run's goes last, as in a merge from the front.</summary>
    private static void MergeBack<T>(T[] from, int lo, int mid, int hi, T[] into) where T : IComparable<T>
    {
        int i = mid - 1, j = hi - 1;
        for (int k = hi - 1, end = lo + (hi - lo) / 2; k >= end; k--)
            into[k] = i >= lo && (j < mid || from[i].CompareTo(from[j]) > 0) ? from[i--] : from[j--];
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
