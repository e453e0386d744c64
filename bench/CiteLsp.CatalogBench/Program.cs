using System.Diagnostics;
using CiteLsp.Core.Bibliography;

// Usage: dotnet run -c Release --project bench/CiteLsp.CatalogBench -- FILE|DIR …
// Loads each file (decode + parse, as the server does) several times and prints the best time,
// MB/s, entries/s, GC pause, bytes allocated, CPU time (steadier than wall time on a shared, loaded machine)
// and the process's peak working set. One process per big file gives a clean peak.
// --once: a single cold load per file (no warm-up, no repeats), so the peak working set is that of one load.
if (args is ["scale", var scalePath]) return ScaleRun.Run(scalePath);
if (args is ["memory", var memoryPath]) return MemoryRun.Run(memoryPath);
if (args is ["first", var firstPath, ..]) return FirstLoadRun.Run(firstPath, args.Contains("--lean"), args.Contains("--save"), args.Contains("--alloc"),
    args.SkipWhile(a => a != "--seeds").Skip(1).FirstOrDefault(), args.Contains("--rewrite"));
if (args is ["cache", var cachePath, ..]) return CacheRun.Run(cachePath, args is [_, _, "--seeds", var seedDir] ? seedDir : null);
if (args is ["index", var indexPath, ..]) return IndexRun.Run(indexPath, args.Length > 2 ? int.Parse(args[2]) : 5, args.Contains("parts"));
var once = args.Contains("--once");
var files = args.Where(a => a != "--once").SelectMany(a => Directory.Exists(a)
        ? Directory.EnumerateFiles(a, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".bib") || f.EndsWith(".json") || f.EndsWith(".yml") || f.EndsWith(".yaml"))
        : [a])
    .Order(StringComparer.Ordinal).ToList();
if (files.Count == 0) { Console.Error.WriteLine("usage: CiteLsp.CatalogBench FILE|DIR …"); return 2; }

Console.WriteLine($"{"file",-60} {"MB",7} {"entries",8} {"ms",8} {"MB/s",8} {"entries/s",10} {"GC ms",8} {"alloc MB",8} {"CPU ms",8}");
foreach (var f in files)
{
    var bytes = new FileInfo(f).Length / 1e6;
    if (!once) CatalogLoader.Load(f); // warm-up (JIT)
    var best = double.MaxValue;
    var entries = 0;
    var runs = once ? 1 : bytes > 20 ? 3 : 7;
    var pause = TimeSpan.Zero;
    var bestCpu = double.MaxValue;
    long allocated = 0;
    for (var i = 0; i < runs; i++)
    {
        GC.Collect();
        var (ms, cpu, n, p, a) = Measure(f);
        entries = n;
        if (ms < best) (best, pause, allocated) = (ms, p, a);
        bestCpu = Math.Min(bestCpu, cpu);
    }
    var name = f.Length > 60 ? "…" + f[^59..] : f;
    Console.WriteLine($"{name,-60} {bytes,7:F2} {entries,8} {best,8:F1} {bytes / (best / 1000),8:F0} {entries / (best / 1000),10:F0} {pause.TotalMilliseconds,8:F0} {allocated / 1e6,8:F0} {bestCpu,8:F1}");
}
if (once) Console.WriteLine($"managed heap holding the last loaded catalog: {heldMB:F0} MB");
Console.WriteLine($"GC pauses: {GC.GetTotalPauseDuration().TotalMilliseconds:F0} ms, gen0/1/2 collections: {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
return 0;

// One timed load in its own frame, so the previous run's catalog is garbage before the next one starts.
static (double Ms, double CpuMs, int Entries, TimeSpan Pause, long Allocated) Measure(string path)
{
    var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
    var pause0 = GC.GetTotalPauseDuration();
    var alloc0 = GC.GetTotalAllocatedBytes(precise: true);
    // Small files are loaded repeatedly within one measurement: the process CPU clock ticks only every 10 ms.
    var repeat = Math.Max(1, (int)Math.Min(200, 20e6 / Math.Max(1, new FileInfo(path).Length)));
    var sw = Stopwatch.StartNew();
    var file = CatalogLoader.Load(path);
    for (var i = 1; i < repeat; i++) file = CatalogLoader.Load(path);
    sw.Stop();
    var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / repeat;
    heldMB = GC.GetTotalMemory(forceFullCollection: true) / 1e6;
    GC.KeepAlive(file);
    return (sw.Elapsed.TotalMilliseconds / repeat, cpu, file.Entries.Count, (GC.GetTotalPauseDuration() - pause0) / repeat, (GC.GetTotalAllocatedBytes(precise: true) - alloc0) / repeat);
}

internal static partial class Program
{
    private static double heldMB;
}
