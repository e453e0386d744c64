using System.Diagnostics;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

/// <summary>
/// "first FILE --lean --rewrite": after the first load, the library rewritten with one entry's title changed (as an
/// exporter rewrites it), then loaded again as the server reloads it: the parse given the last one, the key maps and
/// the index updated from the old ones, while those stay alive (requests read them until the swap). Prints each phase,
/// what the reload allocated and kept, and the peak working set.
/// </summary>
internal static class RewriteRun
{
    public static void Run(string path, CatalogFile file, Catalog catalog, SearchIndex index)
    {
        var edited = Path.Combine(Path.GetTempPath(), $"citelsp-rewrite-{Environment.ProcessId}.bib");
        try
        {
            Rewrite(path, edited);
            var heap = GC.GetTotalMemory(forceFullCollection: true);
            var (clock, cpu0, alloc0, pause0) = (Stopwatch.StartNew(), FirstLoadRun.Cpu(), FirstLoadRun.Allocated(), FirstLoadRun.Pauses());
            var next = CatalogLoader.Load(edited, file with { Path = edited }, 0);
            var (parseMs, cpu1, alloc1, pause1) = (clock.Elapsed.TotalMilliseconds, FirstLoadRun.Cpu(), FirstLoadRun.Allocated(), FirstLoadRun.Pauses());
            var nextCatalog = Catalog.Build([next], catalog);
            var (catalogMs, cpu2, alloc2, pause2) = (clock.Elapsed.TotalMilliseconds, FirstLoadRun.Cpu(), FirstLoadRun.Allocated(), FirstLoadRun.Pauses());
            var nextIndex = index.Update(nextCatalog.Entries);
            var (indexMs, cpu3, alloc3, pause3) = (clock.Elapsed.TotalMilliseconds, FirstLoadRun.Cpu(), FirstLoadRun.Allocated(), FirstLoadRun.Pauses());
            var kept = (GC.GetTotalMemory(forceFullCollection: true) - heap) / 1e6;
            var same = next.Entries.Count(e => catalog.Find(e.Key) is { } old && ReferenceEquals(old.Title, e.Title));
            Console.WriteLine($"  rewrite: read + parse      {parseMs,7:F0} ms wall {cpu1 - cpu0,7:F0} ms CPU {alloc1 - alloc0,6:F0} MB allocated, GC pauses {pause1 - pause0,4:F0} ms; {same} of {next.Entries.Count} entries taken from the last parse");
            Console.WriteLine($"  rewrite: key maps          {catalogMs - parseMs,7:F0} ms wall {cpu2 - cpu1,7:F0} ms CPU {alloc2 - alloc1,6:F0} MB allocated, GC pauses {pause2 - pause1,4:F0} ms ({nextCatalog.KeyMaps})");
            Console.WriteLine($"  rewrite: index update      {indexMs - catalogMs,7:F0} ms wall {cpu3 - cpu2,7:F0} ms CPU {alloc3 - alloc2,6:F0} MB allocated, GC pauses {pause3 - pause2,4:F0} ms");
            Console.WriteLine($"  rewrite: {indexMs:F0} ms in all, {kept:F0} MB kept beside the old library; peak working set {FirstLoadRun.PeakMB():F0} MB");
            GC.KeepAlive(nextIndex);
            GC.KeepAlive(file);
        }
        finally { File.Delete(edited); }
    }

    /// <summary>A copy of <paramref name="path"/> with "Rewritten " at the start of a title in its middle, streamed (the
    /// file is not held in memory: the peak is the reload's).</summary>
    private static void Rewrite(string path, string edited)
    {
        using var from = File.OpenRead(path);
        var middle = from.Length / 2;
        var block = new byte[1 << 20];
        from.Position = middle;
        var at = middle + block.AsSpan(0, from.ReadAtLeast(block, block.Length, throwOnEndOfStream: false)).IndexOf("title = {"u8) + "title = {".Length;
        from.Position = 0;
        using var to = File.Create(edited);
        for (var left = at; left > 0;) { var n = from.Read(block, 0, (int)Math.Min(block.Length, left)); to.Write(block, 0, n); left -= n; }
        to.Write("Rewritten "u8);
        from.CopyTo(to);
    }
}
