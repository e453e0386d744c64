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
    /// <summary>For a region that followed a collection between a parse and its index (<see cref="CollectBeforeIndex"/>):
    /// the count of full collections then; 0 for any other.</summary>
    private readonly int _fullCollections;

    private NoGcRegion(bool started, int fullCollections = 0) => (_started, _fullCollections) = (started, fullCollections);

    /// <summary>
    /// For a big file parsed whole while the heap is small (start-up): a parse keeps almost all it allocates (about six
    /// bytes per byte of .bib), so each young collection only copies it up a generation: 28-31% of the time of a 100k
    /// or 1M-entry load. The region may take up to a third of the machine's memory; a bigger parse collects once it is
    /// used up, as it would have anyway.
    /// </summary>
    public static NoGcRegion ForParse(long fileBytes) => ForParse(fileBytes, 7);

    /// <summary>
    /// <see cref="ForParse"/> for a parse and the search index built right after it (a library's first load): the index
    /// keeps what it allocates too, 0.75 bytes per byte of .bib for a lean library, 2 for one kept whole (as
    /// <see cref="CollectBeforeIndex"/> reckons). One region for both: a second one, started after the parse, collected
    /// the parse's garbage first whenever what it asked for did not fit in the room the first one left, at 1M entries a
    /// pause of 0.7-0.9 s before the index in 1 run of 4.
    /// </summary>
    public static NoGcRegion ForParseAndIndex(long fileBytes) => ForParse(fileBytes, 9);

    private static NoGcRegion ForParse(long fileBytes, int bytesPerByte) =>
        fileBytes < MinParseBytes || GC.GetTotalMemory(forceFullCollection: false) > SmallHeap
            ? default
            : Start(fileBytes * bytesPerByte, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 3);

    /// <summary>
    /// What a load's heap should stay under: 1 GB, less what the process holds besides the heap (40 MB in-process, 80 over
    /// LSP: a load at this budget peaks at about 930 MB).
    /// </summary>
    public const long PeakBudget = 850_000_000;

    /// <summary>
    /// For a library between its parse and its index (which allocates about 0.7 bytes per byte of .bib for a lean
    /// library, 2 otherwise): when what the parse left on the heap and the index would pass <paramref name="budget"/>
    /// together, ends this region, collects and holds the GC off again for the index. The parse's garbage (at 1M entries
    /// 320 of the 800 MB it allocates: raw entries, the windows' key maps and buffers) then goes before the index adds
    /// its own, so that load peaks at 0.95 GB instead of 1.25 (only a full collection frees it: much of it is in large
    /// arrays), and the young collection after the load promotes 0.42-0.45 GB instead of 0.62. The price is one full
    /// compacting collection, 1.3-2.6 s at 1M on the slow hours of a 2-core VM, paid only by a library big enough to
    /// need it. Outside a region that started (the heap was big already: the parse collected as it went), nothing happens.
    /// </summary>
    public NoGcRegion CollectBeforeIndex(long fileBytes, bool lean, long budget = PeakBudget)
    {
        var indexBytes = lean ? fileBytes * 3 / 4 : fileBytes * 2;
        if (!_started || GC.GetTotalMemory(forceFullCollection: false) + indexBytes <= budget) return this;
        Dispose();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new NoGcRegion(Start(indexBytes, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 3)._started, GC.CollectionCount(2));
    }

    /// <summary>
    /// After <see cref="Dispose"/>, for a load that collected before its index: collects the index's own garbage (its
    /// passes' codes, the key sort, folded keys: about 0.2 GB at 1M entries) before the library is served. Left to the
    /// runtime, a background collection came first, the requests of the next second allocated beside it, and the young
    /// collection that then promoted the index paused them for 0.27 s: a 1M load typed into at once peaked at 1.08 GB
    /// instead of 0.93 (LspBench). The price is this pause instead, 0.24-0.49 s at 1M on 2 cores, before the first completion.
    /// An index that outgrew its region was collected then (a full collection, which ended the region): not again.
    /// </summary>
    public void CollectAfterIndex()
    {
        if (_fullCollections > 0 && GC.CollectionCount(2) == _fullCollections) GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    /// <summary>For a burst of at most <paramref name="bytes"/> (up to <see cref="MaxBytes"/>), unless the heap is bigger already.</summary>
    internal static NoGcRegion Start(long bytes) =>
        // Starting a region may collect first: cheap at start-up, a long pause for every thread once the heap is big.
        GC.GetTotalMemory(forceFullCollection: false) > bytes ? default : Start(bytes, MaxBytes);

    /// <summary>For a burst of <paramref name="bytes"/>, up to <paramref name="maxBytes"/>, whatever the heap holds already.</summary>
    internal static NoGcRegion Start(long bytes, long maxBytes)
    {
        // Inside a region already (a load's parse within the load's region), which covers this burst: asking for another
        // one then ended it (a 1M parse then collected 71 times).
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return default;
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
