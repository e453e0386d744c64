namespace CiteLsp.Server.Lsp;

/// <summary>
/// Gives memory back once a burst of work is over. The GC returns free memory to the system only when it collects, and
/// an idle server does not collect: after 10,000 keystrokes it stayed 30-65 MB above where it started. When the server
/// has allocated a lot since the last trim and next to nothing for a while, one compacting collection returns it while
/// nothing else runs. A small heap is trimmed after 2 quiet seconds (a few ms). A heap up to 512 MB (a 100k library:
/// 415 -> 245 MB, resident 496 -> 314 MB, in 100-280 ms) only after 30 quiet seconds, so that the pause does not meet
/// a reload or a keystroke. Bigger heaps (a million entries, lean) are left alone: their loads collect on their own.
/// </summary>
internal sealed class IdleMemory(Logger log) : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan LongQuiet = TimeSpan.FromSeconds(30);
    /// <summary>Allocated since the last trim: worth giving back.</summary>
    internal const long Burst = 32L << 20;
    /// <summary>Allocated during one interval: the server is idle.</summary>
    internal const long Quiet = 1L << 20;
    internal const long SmallHeap = 128L << 20;
    internal const long BigHeap = 512L << 20;

    private long _lastTick = GC.GetTotalAllocatedBytes();
    private long _lastTrim = GC.GetTotalAllocatedBytes();
    private TimeSpan _quietFor;
    private Timer? _timer;

    public void Start() => _timer = new Timer(_ => Tick(), null, Interval, Interval);

    private void Tick()
    {
        var now = GC.GetTotalAllocatedBytes();
        _quietFor = now - _lastTick < Quiet ? _quietFor + Interval : TimeSpan.Zero;
        var heap = GC.GetGCMemoryInfo().HeapSizeBytes;
        if (ShouldTrim(_quietFor, now - _lastTrim, heap))
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            log.Debug($"idle: heap {heap >> 20} -> {GC.GetGCMemoryInfo().HeapSizeBytes >> 20} MB in {clock.ElapsedMilliseconds} ms");
            _lastTrim = now;
        }
        _lastTick = GC.GetTotalAllocatedBytes();
    }

    internal static bool ShouldTrim(TimeSpan quietFor, long allocatedSinceTrim, long heapBytes) =>
        allocatedSinceTrim >= Burst && (heapBytes < SmallHeap ? quietFor >= Interval : heapBytes < BigHeap && quietFor >= LongQuiet);

    public void Dispose() => _timer?.Dispose();
}
