using System.Runtime;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>
/// Keeps the GC out of a burst of allocations that all survive (decoding a cache: every string and entry stays), where
/// each gen0 collection would only copy live objects up a generation. Best effort: if the region cannot start (too big,
/// another one running) or the burst outgrows it (the runtime then collects and ends it), nothing else changes.
/// </summary>
internal readonly struct NoGcRegion : IDisposable
{
    /// <summary>What the runtime accepts for a region without fuss; a bigger burst just collects once it is used up.</summary>
    private const long MaxBytes = 200L << 20;
    private readonly bool _started;

    private NoGcRegion(bool started) => _started = started;

    public static NoGcRegion Start(long bytes)
    {
        // Starting a region collects first: cheap at start-up, a long pause for every thread once the heap is big.
        if (GC.GetTotalMemory(forceFullCollection: false) > bytes) return default;
        try { return new NoGcRegion(GC.TryStartNoGCRegion(Math.Clamp(bytes, 1 << 20, MaxBytes))); }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException) { return default; }
    }

    public void Dispose()
    {
        if (!_started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try { GC.EndNoGCRegion(); }
        catch (InvalidOperationException) { } // ended meanwhile by a collection
    }
}
