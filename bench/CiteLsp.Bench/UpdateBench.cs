using System.Diagnostics;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Bench;

/// <summary>"update FILE": full index build vs <see cref="SearchIndex.Update"/> after one changed entry, and the
/// warm-start cache's WriteTo/ReadFrom (time, size). Wall and CPU time: the machine is shared.</summary>
internal static class UpdateBench
{
    public static int Run(string[] args)
    {
        if (args.Length == 0) return 2;
        var path = args[0];
        var text = File.ReadAllText(path);
        var file = CatalogLoader.Parse(path, text);
        var entries = file.Entries.ToList();
        Console.WriteLine($"{path}: {entries.Count:N0} entries, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        var index = Phase("full build (cold)", () => SearchIndex.Build(entries));
        index = Phase("full build (warm)", () => SearchIndex.Build(entries));
        Console.WriteLine($"  terms {index.TermCount:N0}");

        var rng = new Random(1);
        for (var run = 0; run < 3; run++)
        {
            var changed = Changed(entries, rng.Next(entries.Count), freshKeys: false);
            Phase($"update, 1 changed, entries reused ({run + 1})", () => index.Update(changed));
        }
        for (var run = 0; run < 3; run++)
        {
            var changed = Changed(entries, rng.Next(entries.Count), freshKeys: true);
            Phase($"update, 1 changed, all new objects ({run + 1})", () => index.Update(changed));
        }
        var chain = index;
        var list = entries;
        var chainWall = Stopwatch.StartNew();
        var cpu0 = ThreadCpu.NowMs();
        for (var step = 0; step < 50; step++)
        {
            list = Changed(list, rng.Next(list.Count), freshKeys: false);
            chain = chain.Update(list);
        }
        Console.WriteLine($"{"50 chained updates, 1 change each (mean)",-48} wall {chainWall.Elapsed.TotalMilliseconds / 50,8:F2} ms   thread CPU {(ThreadCpu.NowMs() - cpu0) / 50,8:F2} ms");
        Check(SearchIndex.Build(list), chain, list);

        using var buffer = new MemoryStream();
        Phase("WriteTo (memory stream)", () => { index.WriteTo(buffer); return 0; });
        Console.WriteLine($"  size {buffer.Length / 1e6:F1} MB");
        var bytes = buffer.ToArray();
        SearchIndex? read = null;
        for (var run = 0; run < 3; run++) read = Phase($"ReadFrom (memory stream) ({run + 1})", () => SearchIndex.ReadFrom(new MemoryStream(bytes), entries));
        var cache = Path.Combine(Path.GetTempPath(), "citelsp-bench-index.bin");
        File.WriteAllBytes(cache, bytes);
        read = Phase("ReadFrom (file, page cache warm)", () => { using var f = File.OpenRead(cache); return SearchIndex.ReadFrom(f, entries); });
        File.Delete(cache);
        Check(index, read ?? throw new InvalidOperationException("ReadFrom returned null"), entries);
        Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1e6:F0} MB");
        return 0;
    }

    private static List<Entry> Changed(List<Entry> entries, int at, bool freshKeys)
    {
        var next = freshKeys ? entries.Select(e => e with { Key = new string(e.Key) }).ToList() : [.. entries];
        next[at] = next[at] with { Title = next[at].Title + " revised", ContentHash = next[at].ContentHash ^ 0x9E3779B97F4A7C15UL };
        return next;
    }

    private static void Check(SearchIndex expected, SearchIndex actual, List<Entry> entries)
    {
        foreach (var q in (string[])["", "a", "learning", "dobule desc", "kapdoub", entries[^1].Key[..Math.Min(6, entries[^1].Key.Length)], "2019"])
        {
            var a = expected.Search(q, 50);
            var b = actual.Search(q, 50);
            if (!a.Select(h => (h.Entry, h.Score)).SequenceEqual(b.Select(h => (h.Entry, h.Score))))
                throw new InvalidOperationException($"results differ for '{q}'");
        }
        Console.WriteLine("  results identical to a full build on the check queries");
    }

    private static T Phase<T>(string name, Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = work();
        sw.Stop();
        process.Refresh();
        Console.WriteLine($"{name,-48} wall {sw.Elapsed.TotalMilliseconds,8:F2} ms   CPU {(process.TotalProcessorTime - cpu0).TotalMilliseconds,8:F0} ms");
        return result;
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
