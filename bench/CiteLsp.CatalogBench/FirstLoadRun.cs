using System.Diagnostics;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Cache;
using CiteLsp.Core.Search;

/// <summary>
/// "first FILE [--lean] [--save] [--alloc]": what the server does on a library's first load, in a fresh process: read and
/// parse, then the key maps and the search index built at once under the GC region the host uses. Wall and CPU time of
/// each (BENCH_PEAK_BUDGET=bytes: the peak above which the parse's garbage is collected before the index); --save then writes the cache as the server does next (in $XDG_CACHE_HOME/citelsp), --alloc prints what each
/// phase allocated, by type (sampled); --seeds DIR then builds the view a user's default settings add (the library with
/// the seed catalogs in DIR), as the server does from the load's key maps and index, and prints what it kept;
/// --rewrite then reloads the library rewritten with one entry changed (<see cref="RewriteRun"/>).
/// </summary>
internal static class FirstLoadRun
{
    /// <param name="lean">Keep fields on disk whatever the size (the server does so from 128 MB on).</param>
    public static int Run(string path, bool lean, bool save, bool alloc, string? seedDir, bool rewrite = false)
    {
        using var sampler = alloc ? new AllocationSampler() : null;
        var total = Stopwatch.StartNew();
        var cpu0 = Cpu();
        // One GC region for the parse and the index, as the server holds it (NoGcRegion.ForParseAndIndex).
        var noGc = NoGcRegion.ForParseAndIndex(new FileInfo(path).Length);
        var file = CatalogLoader.Load(path, null, lean ? 0 : CatalogLoader.DefaultFieldsOnDiskAbove);
        var (loadMs, cpu1, alloc1, pause1) = (total.Elapsed.TotalMilliseconds, Cpu(), Allocated(), Pauses());
        var parseAllocations = sampler?.Take();
        noGc = noGc.CollectBeforeIndex(new FileInfo(path).Length, file.FieldsOnDisk,
            long.TryParse(Environment.GetEnvironmentVariable("BENCH_PEAK_BUDGET"), out var budget) ? budget : NoGcRegion.PeakBudget);
        var (collectMs, cpuCollect, pauseCollect) = (total.Elapsed.TotalMilliseconds - loadMs, Cpu() - cpu1, Pauses() - pause1);
        Catalog? catalog = null;
        SearchIndex? index = null;
        Parallel.Invoke(() => catalog = Catalog.Build([file]), () => index = SearchIndex.Build(file.Entries));
        noGc.Dispose();
        var (indexedMs, cpuIndexed, pauseIndexed) = (total.Elapsed.TotalMilliseconds, Cpu(), Pauses());
        noGc.CollectAfterIndex();
        var (allMs, cpu2, alloc2, pause2) = (total.Elapsed.TotalMilliseconds, Cpu(), Allocated(), Pauses());
        var indexAllocations = sampler?.Take();
        Console.WriteLine($"{path}: {file.Entries.Count} entries{(file.FieldsOnDisk ? " (lean)" : "")}, {file.Diagnostics.Count} diagnostics");
        Console.WriteLine($"  load (read + parse)       {loadMs,7:F0} ms wall {cpu1 - cpu0,7:F0} ms CPU {alloc1,6:F0} MB allocated, GC pauses {pause1,4:F0} ms");
        if (pauseCollect > 0) Console.WriteLine($"  collection after the parse {collectMs,6:F0} ms wall {cpuCollect,7:F0} ms CPU, GC pauses {pauseCollect,4:F0} ms");
        Console.WriteLine($"  key maps + search index   {indexedMs - loadMs - collectMs,7:F0} ms wall {cpuIndexed - cpu1 - cpuCollect,7:F0} ms CPU {alloc2 - alloc1,6:F0} MB allocated, GC pauses {pauseIndexed - pause1 - pauseCollect,4:F0} ms");
        if (pause2 > pauseIndexed) Console.WriteLine($"  collection after the index {allMs - indexedMs,6:F0} ms wall {cpu2 - cpuIndexed,7:F0} ms CPU, GC pauses {pause2 - pauseIndexed,4:F0} ms");
        Console.WriteLine($"  first load                {allMs,7:F0} ms wall {cpu2 - cpu0,7:F0} ms CPU");
        Console.WriteLine($"  GC pauses {Pauses():F0} ms in all, peak working set {PeakMB():F0} MB");
        if (seedDir is not null)
        {
            var seeds = Directory.GetFiles(seedDir).Order(StringComparer.Ordinal).Select(CatalogLoader.Load).ToList();
            var before = GC.GetTotalMemory(forceFullCollection: true);
            var (clock, cpu3, alloc3) = (Stopwatch.StartNew(), Cpu(), Allocated());
            var view = Catalog.Build([file, .. seeds], catalog);
            var catalogMs = clock.Elapsed.TotalMilliseconds;
            var viewIndex = index!.Update(view.Entries);
            var (viewMs, viewCpu, viewAlloc) = (clock.Elapsed.TotalMilliseconds, Cpu() - cpu3, Allocated() - alloc3);
            var kept = (GC.GetTotalMemory(forceFullCollection: true) - before) / 1e6;
            Console.WriteLine($"  view with the seeds       {viewMs,7:F0} ms wall {viewCpu,7:F0} ms CPU {viewAlloc,6:F0} MB allocated, {kept:F0} MB kept "
                + $"(key maps {catalogMs:F0} ms, {view.KeyMaps}; index {viewMs - catalogMs:F0} ms); peak working set {PeakMB():F0} MB");
            GC.KeepAlive(viewIndex);
            if (sampler is not null) Print("view with the seeds", sampler.Take());
        }
        if (save)
        {
            var (clock, cpu3, alloc3, pause3) = (Stopwatch.StartNew(), Cpu(), Allocated(), Pauses());
            // The first collection after the GC region falls in here, as it does in the server (it meets all the load made).
            var written = new CatalogCache(CatalogCache.DefaultDirectory()).Save(file, index!);
            Console.WriteLine($"  cache write ({(written ? "written" : "not cacheable")}) {clock.Elapsed.TotalMilliseconds,5:F0} ms wall {Cpu() - cpu3,7:F0} ms CPU "
                + $"{Allocated() - alloc3,6:F0} MB allocated, GC pauses {Pauses() - pause3,4:F0} ms; peak working set {PeakMB():F0} MB");
        }
        var saveAllocations = save ? sampler?.Take() : null;
        if (rewrite) RewriteRun.Run(path, file, catalog!, index!);
        if (sampler is not null)
        {
            Print("parse", parseAllocations!);
            Print("key maps + search index", indexAllocations!);
            if (save) Print("cache write", saveAllocations!);
            if (rewrite) Print("rewrite", sampler.Take());
        }
        GC.KeepAlive(catalog);
        GC.KeepAlive(index);
        return 0;
    }

    private static void Print(string phase, IReadOnlyList<(string Type, long Bytes)> allocations)
    {
        Console.WriteLine($"  allocated by {phase} (sampled), by type:");
        foreach (var (type, bytes) in allocations.Take(12)) Console.WriteLine($"    {bytes / 1e6,6:F0} MB  {type}");
    }

    internal static double PeakMB() => Process.GetCurrentProcess().PeakWorkingSet64 / 1e6;

    /// <summary>MB allocated by the process so far.</summary>
    internal static double Allocated() => GC.GetTotalAllocatedBytes() / 1e6;

    internal static double Pauses() => GC.GetTotalPauseDuration().TotalMilliseconds;

    internal static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
