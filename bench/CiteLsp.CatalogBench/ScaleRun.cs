using System.Diagnostics;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

/// <summary>"scale FILE": the issue-12 phases for one big .bib, each with wall and CPU time (the machine is shared).</summary>
internal static class ScaleRun
{
    public static int Run(string path)
    {
        Console.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:F1} MB, {Environment.ProcessorCount} cores");
        var file = Phase("cold parse (read + parse)", () => CatalogLoader.Load(path));
        Console.WriteLine($"  {file.Entries.Count} entries, {file.Diagnostics.Count} diagnostics");
        var catalog = Phase("catalog (key maps)", () => Catalog.Build([file]));
        var index = Phase("search index, no abstracts", () => SearchIndex.Build(catalog.Entries, indexAbstracts: false));
        Console.WriteLine($"  managed heap: {GC.GetTotalMemory(true) / 1e6:F0} MB");
        index = Phase("search index, with abstracts", () => SearchIndex.Build(catalog.Entries));
        Console.WriteLine($"  managed heap: {GC.GetTotalMemory(true) / 1e6:F0} MB");
        GC.KeepAlive(index);
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return 0;
    }

    internal static T Phase<T>(string name, Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = work();
        sw.Stop();
        process.Refresh();
        Console.WriteLine($"{name,-42} wall {sw.Elapsed.TotalMilliseconds,8:F0} ms   CPU {(process.TotalProcessorTime - cpu0).TotalMilliseconds,8:F0} ms");
        return result;
    }
}
