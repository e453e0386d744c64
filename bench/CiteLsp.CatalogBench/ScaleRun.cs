using System.Diagnostics;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Core.Search;

/// <summary>"scale FILE": the issue-12 phases for one big .bib, each with wall and CPU time (the machine is shared).</summary>
internal static class ScaleRun
{
    public static int Run(string path)
    {
        Console.WriteLine($"{path}: {new FileInfo(path).Length / 1e6:F1} MB, {Environment.ProcessorCount} cores");
        var file = Phase("cold parse (read + parse)", () => CatalogLoader.Load(path));
        Console.WriteLine($"  {file.Entries.Count} entries, {file.Diagnostics.Count} diagnostics: "
            + string.Join(", ", file.Diagnostics.GroupBy(d => d.Code).Select(g => $"{g.Key} {g.Count()}")));
        Halves(path);
        var catalog = Phase("catalog (key maps)", () => Catalog.Build([file]));
        var index = Phase("search index, no abstracts", () => SearchIndex.Build(catalog.Entries, indexAbstracts: false));
        Console.WriteLine($"  managed heap: {GC.GetTotalMemory(true) / 1e6:F0} MB");
        index = Phase("search index, with abstracts", () => SearchIndex.Build(catalog.Entries));
        Console.WriteLine($"  managed heap: {GC.GetTotalMemory(true) / 1e6:F0} MB");
        // What the server holds once it has given the load's memory back (it collects so after a lean load).
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var gc = GC.GetGCMemoryInfo();
        Console.WriteLine($"  after a compacting collection: heap {gc.HeapSizeBytes / 1e6:F0} MB, committed {gc.TotalCommittedBytes / 1e6:F0} MB, "
            + $"resident {Process.GetCurrentProcess().WorkingSet64 / 1e6:F0} MB");
        if (file.FieldsOnDisk)
        {
            // A lean library keeps no text to re-scan: every change parses it whole (the first load's figure).
            var sample = file.Entries[file.Entries.Count / 2];
            Phase("lean: one entry's raw fields from the file", () => sample.Fields.Count);
            Console.WriteLine($"  {file.Entries.Count(e => e.Authors.Count > 0)} entries with authors, {file.Entries.SelectMany(e => e.Authors).Distinct(ReferenceEqualityComparer.Instance).Count()} distinct people objects");
        }
        else Reload(path, file, catalog, index);
        GC.KeepAlive(index);
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return 0;
    }

    /// <summary>The parse alone (text already read), in two parts on two threads and in one scan, for comparison.</summary>
    private static void Halves(string path)
    {
        var text = File.ReadAllText(path);
        var split = BibtexParser.SplitPoints(text, 2) is [var s] ? s : -1;
        var joined = false;
        long allocated = 0;
        // Alternated, twice each: the first calls after a cold parse share the cores with the JIT's background tier-up.
        for (var round = 0; round < 2; round++)
        {
            GC.Collect();
            Phase("parse, one scan", () => BibtexParser.Parse(path, text, -1, out _));
            GC.Collect();
            allocated = GC.GetTotalAllocatedBytes(precise: true);
            Phase($"parse, two parts (split at {split / (double)text.Length:P0})", () => BibtexParser.Parse(path, text, split, out joined));
            allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated;
        }
        Console.WriteLine($"  parts joined: {joined}");
        GC.Collect();
        // What the GC costs: the same parse with collections held off (room for all it allocates).
        var held = GC.TryStartNoGCRegion(allocated + (allocated >> 3));
        Phase($"parse, two parts, no GC ({allocated / 1e6:F0} MB, held: {held})", () => BibtexParser.Parse(path, text, split, out _));
        if (System.Runtime.GCSettings.LatencyMode == System.Runtime.GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        GC.Collect();
    }

    /// <summary>A rewrite that changed one entry in the middle (as Better BibTeX does): re-scan only what changed.</summary>
    private static void Reload(string path, CatalogFile file, Catalog catalog, SearchIndex index)
    {
        var edited = Path.Combine(Path.GetTempPath(), $"citelsp-scale-{Environment.ProcessId}.bib");
        try
        {
            var bytes = File.ReadAllBytes(path);
            for (var round = 0; round < 4; round++)
            {
                // Three edits inside entries, then a new entry (which moves every entry after it).
                var at = Array.IndexOf(bytes, (byte)'{', bytes.Length / 2 + round * 1000);
                var (where, insert) = round < 3 ? (at + 1, $"Edited {round} ") : (bytes.AsSpan(0, at).LastIndexOf("\n@"u8), "\n@article{addedbyscale, title = {Added}}\n");
                File.WriteAllBytes(edited, [.. bytes.AsSpan(0, where), .. System.Text.Encoding.UTF8.GetBytes(insert), .. bytes.AsSpan(where)]);
                // Each round starts from the last (a parse hands its text over to the next version).
                var previous = file.Path == edited ? file : file with { Path = edited };
                file = Phase($"reload {round}: read + incremental re-parse", () => CatalogLoader.Load(edited, previous));
                catalog = Phase($"reload {round}: catalog (key maps updated)", () => Catalog.Build([file], catalog));
                Console.WriteLine($"  key maps {catalog.KeyMaps}");
                index = Phase($"reload {round}: search index update", () => index.Update(catalog.Entries));
            }
            Phase("reload: full re-parse (for comparison)", () => CatalogLoader.Load(edited));
        }
        finally { File.Delete(edited); }
    }

    internal static T Phase<T>(string name, Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var (gen2, pause) = (GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var sw = Stopwatch.StartNew();
        var result = work();
        sw.Stop();
        process.Refresh();
        Console.WriteLine($"{name,-42} wall {sw.Elapsed.TotalMilliseconds,8:F0} ms   CPU {(process.TotalProcessorTime - cpu0).TotalMilliseconds,8:F0} ms"
            + $"   GC pauses {(GC.GetTotalPauseDuration() - pause).TotalMilliseconds,6:F0} ms ({GC.CollectionCount(2) - gen2} full)");
        return result;
    }
}
