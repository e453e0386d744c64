using System.Diagnostics;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

/// <summary>
/// "first FILE [--lean]": what the server does on a library's first load, in a fresh process: read and parse, then the key
/// maps and the search index built at once under the GC region the host uses. Wall and CPU time of each.
/// </summary>
internal static class FirstLoadRun
{
    /// <param name="lean">Keep fields on disk whatever the size (the server does so from 128 MB on).</param>
    public static int Run(string path, bool lean)
    {
        var total = Stopwatch.StartNew();
        var cpu0 = Cpu();
        // One GC region for the parse and the index, as the server holds it (NoGcRegion.ForParseAndIndex).
        var noGc = NoGcRegion.ForParseAndIndex(new FileInfo(path).Length);
        var file = CatalogLoader.Load(path, null, lean ? 0 : CatalogLoader.DefaultFieldsOnDiskAbove);
        var (loadMs, cpu1, alloc1, pause1) = (total.Elapsed.TotalMilliseconds, Cpu(), GC.GetTotalAllocatedBytes() / 1e6, Pauses());
        Catalog? catalog = null;
        SearchIndex? index = null;
        Parallel.Invoke(() => catalog = Catalog.Build([file]), () => index = SearchIndex.Build(file.Entries));
        noGc.Dispose();
        var (allMs, cpu2, alloc2, pause2) = (total.Elapsed.TotalMilliseconds, Cpu(), GC.GetTotalAllocatedBytes() / 1e6, Pauses());
        Console.WriteLine($"{path}: {file.Entries.Count} entries{(file.FieldsOnDisk ? " (lean)" : "")}");
        Console.WriteLine($"  load (read + parse)       {loadMs,7:F0} ms wall {cpu1 - cpu0,7:F0} ms CPU {alloc1,6:F0} MB allocated, GC pauses {pause1,4:F0} ms");
        Console.WriteLine($"  key maps + search index   {allMs - loadMs,7:F0} ms wall {cpu2 - cpu1,7:F0} ms CPU {alloc2 - alloc1,6:F0} MB allocated, GC pauses {pause2 - pause1,4:F0} ms");
        Console.WriteLine($"  first load                {allMs,7:F0} ms wall {cpu2 - cpu0,7:F0} ms CPU");
        Console.WriteLine($"  GC pauses {Pauses():F0} ms in all, peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        GC.KeepAlive(catalog);
        GC.KeepAlive(index);
        return 0;
    }

    private static double Pauses() => GC.GetTotalPauseDuration().TotalMilliseconds;

    private static double Cpu() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds;
}
