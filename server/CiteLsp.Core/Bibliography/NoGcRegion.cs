using System.Runtime;

namespace CiteLsp.Core.Bibliography;

/// <summary>
/// Keeps the GC out of a burst of allocations that all survive (decoding a cache or parsing a big file: nearly every
/// string and entry stays), where each gen0 collection would only copy live objects up a generation. Best effort: if
/// the region cannot start (too big, another one running) or the burst outgrows it (the runtime then collects and ends
/// it), nothing else changes.
/// </summary>
public readonly struct NoGcRegion : IDisposable
{
    /// <summary>What the runtime accepts for a region without fuss; a bigger burst just collects once it is used up.</summary>
    private const long MaxBytes = 200L << 20;
    /// <summary>Below this, a parse is too short to gain from holding the GC off.</summary>
    private const long MinParseBytes = 16 << 20;
    /// <summary>Above this, the collection a region starts with is a long pause for every request.</summary>
    private const long SmallHeap = 256 << 20;
    private readonly bool _started;

    private NoGcRegion(bool started) => _started = started;

    /// <summary>
    /// For a big file parsed whole while the heap is small (start-up): a parse keeps almost all it allocates (about six
    /// bytes per byte of .bib), so each young collection only copies it up a generation: 28-31% of the time of a 100k
    /// or 1M-entry load. The region may take up to a third of the machine's memory; a bigger parse collects once it is
    /// used up, as it would have anyway.
    /// </summary>
    public static NoGcRegion ForParse(long fileBytes) =>
        fileBytes < MinParseBytes || GC.GetTotalMemory(forceFullCollection: false) > SmallHeap
            ? default
            : Start(fileBytes * 7, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 3);

    /// <summary>
    /// For the index of a big file just parsed whole (what it builds survives too). Right after <see cref="ForParse"/>
    /// the heap is big but mostly garbage: the region's start leaves it for later when what is asked for fits in the
    /// room the parse's region left, and collects it first when not (at 1M entries a pause of 0.7-0.9 s on the way to
    /// the first completion). So it asks for what the index allocates: about 2.4 bytes per byte of .bib with abstracts
    /// (100k entries: 141 MB), 0.75 without, as a lean library is indexed (1M: 446 MB; asking 3x there collected first
    /// in 1 run of 3).
    /// </summary>
    public static NoGcRegion ForIndex(CatalogFile file, long fileBytes) =>
        fileBytes < MinParseBytes ? default : Start(file.FieldsOnDisk ? fileBytes : fileBytes * 3, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 3);

    /// <summary>For a burst of at most <paramref name="bytes"/> (up to <see cref="MaxBytes"/>), unless the heap is bigger already.</summary>
    internal static NoGcRegion Start(long bytes) =>
        // Starting a region may collect first: cheap at start-up, a long pause for every thread once the heap is big.
        GC.GetTotalMemory(forceFullCollection: false) > bytes ? default : Start(bytes, MaxBytes);

    private static NoGcRegion Start(long bytes, long maxBytes)
    {
        try { return new NoGcRegion(GC.TryStartNoGCRegion(Math.Clamp(bytes, 1 << 20, Math.Max(maxBytes, 1 << 20)))); }
        catch (Exception ex) when (ex is ArgumentOutOfRangeException or InvalidOperationException) { return default; }
    }

    public void Dispose()
    {
        if (!_started || GCSettings.LatencyMode != GCLatencyMode.NoGCRegion) return;
        try { GC.EndNoGCRegion(); }
        catch (InvalidOperationException) { } // ended meanwhile by a collection
    }
}
