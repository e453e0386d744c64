using System.Diagnostics;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Bench;

/// <summary>Index build time, query latency (p50/p99/max over realistic query shapes) and memory at each size.
/// Run one size per process for clean memory figures.</summary>
internal static class SearchBench
{
    public static int Run(string[] args)
    {
        var abstracts = !args.Contains("--no-abstracts");
        var numbers = args.Where(a => !a.StartsWith('-')).ToArray();
        var sizes = numbers.Length == 0 ? [20, 10_000, 100_000] : numbers.Select(int.Parse).ToArray();
        var shared = FindShared();
        foreach (var n in sizes) RunOne(n, shared, abstracts);
        return 0;
    }

    private static void RunOne(int n, string shared, bool abstracts)
    {
        var entries = n == 20 ? SeedEntries(shared) : SyntheticLibrary.Generate(n, Path.Combine(shared, "corpus"));
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        var sw = Stopwatch.StartNew();
        var index = SearchIndex.Build(entries, abstracts);
        var coldMs = sw.Elapsed.TotalMilliseconds;
        index = null;
        GC.Collect();
        sw.Restart();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        index = SearchIndex.Build(entries, abstracts); // second build: JIT-optimized code, as in a long-running server
        var buildMs = sw.Elapsed.TotalMilliseconds;
        var buildCpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);

        var queries = Queries(entries, new Random(7));
        for (var pass = 0; pass < 3; pass++) foreach (var (_, q) in queries) index.Search(q, 50); // warm-up: tiered JIT, pooled score maps
        Thread.Sleep(500);
        var byKind = new Dictionary<string, List<double>>();
        var all = new List<double>();
        var allCpu = new List<double>();
        var found = 0;
        foreach (var (kind, q) in queries)
        {
            sw.Restart();
            var c0 = ThreadCpu.NowMs();
            var hits = index.Search(q, 50);
            var ms = sw.Elapsed.TotalMilliseconds;
            allCpu.Add(ThreadCpu.NowMs() - c0);
            if (hits.Count > 0) found++;
            all.Add(ms);
            (byKind.TryGetValue(kind, out var l) ? l : byKind[kind] = []).Add(ms);
        }
        var proc = Process.GetCurrentProcess();
        Console.WriteLine($"entries {n,9:N0}{(abstracts ? "" : " (abstracts not indexed)")}  terms {index.TermCount,9:N0}  build {buildMs,6:F0} ms (cpu all threads {buildCpuMs:F0}, cold {coldMs:F0})  " +
                          $"query p50 {Pct(all, 50),6:F2} ms  p99 {Pct(all, 99),6:F2} ms  max {all.Max(),6:F2} ms  ({found}/{queries.Count} with hits)");
        Console.WriteLine($"    query thread-cpu p50 {Pct(allCpu, 50),6:F2} ms  p99 {Pct(allCpu, 99),6:F2} ms  max {allCpu.Max(),6:F2} ms");
        Console.WriteLine($"    index heap {(heapAfter - heapBefore) / 1048576.0,7:F0} MB  entries+index heap {heapAfter / 1048576.0,7:F0} MB  " +
                          $"working set {proc.WorkingSet64 / 1048576.0,7:F0} MB  peak {proc.PeakWorkingSet64 / 1048576.0,7:F0} MB");
        foreach (var (kind, list) in byKind.OrderBy(k => k.Key, StringComparer.Ordinal))
            Console.WriteLine($"    {kind,-14} n={list.Count,4}  p50 {Pct(list, 50),6:F2} ms  p99 {Pct(list, 99),6:F2} ms  max {list.Max(),6:F2} ms");
        GC.KeepAlive(entries);
    }

    /// <summary>Query shapes a writer types, drawn from random entries so most have an answer.</summary>
    private static List<(string Kind, string Query)> Queries(List<Entry> entries, Random rng)
    {
        var list = new List<(string, string)>
        {
            ("fixed", "dobule desc"), ("fixed", "learning"), ("fixed", "neural networks"), ("fixed", "a"), ("fixed", "kapdoub"),
            ("fixed", "nakkiran descent 2019"), ("fixed", "the"), ("fixed", "d"),
        };
        for (var i = 0; i < 100; i++)
        {
            var e = entries[rng.Next(entries.Count)];
            var family = Core.Text.TextFolding.AsciiAlnum(e.Authors.Count > 0 ? e.Authors[0].Family : "x");
            var words = e.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Core.Text.TextFolding.AsciiAlnum).Where(w => w.Length >= 4).ToArray();
            if (words.Length == 0) continue;
            var w1 = words[rng.Next(words.Length)];
            var w2 = words[rng.Next(words.Length)];
            list.Add(("author+year", $"{family[..Math.Min(6, family.Length)]} {e.Year}"));
            list.Add(("title words", $"{w2} {w1}"));
            list.Add(("typo", $"{Swap(w1, rng)} {family[..Math.Min(4, family.Length)]}"));
            list.Add(("key prefix", e.Key[..Math.Min(10, e.Key.Length)]));
            list.Add(("short prefix", w1[..2]));
            list.Add(("joined prefix", family[..Math.Min(3, family.Length)] + w1[..Math.Min(4, w1.Length)]));
        }
        return list;
    }

    private static string Swap(string w, Random rng)
    {
        var i = rng.Next(w.Length - 1);
        var c = w.ToCharArray();
        (c[i], c[i + 1]) = (c[i + 1], c[i]);
        return new string(c);
    }

    private static double Pct(List<double> values, int p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p / 100.0 * sorted.Count) - 1)];
    }

    private static List<Entry> SeedEntries(string shared)
    {
        _ = shared;
        var files = Directory.GetFiles(Path.Combine(FindRepo(), "seeds"), "*.txt").Select(CatalogLoader.Load).ToList();
        return Catalog.Build(files).Entries.ToList();
    }

    private static string FindRepo() => SearchBenchPaths.Repo();

    private static string FindShared() => Path.GetFullPath(Path.Combine(FindRepo(), "..", "shared"));
}

/// <summary>The repository root (the folder holding CiteLsp.sln), found from the running binary.</summary>
internal static class SearchBenchPaths
{
    public static string Repo()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CiteLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("CiteLsp.sln not found above " + AppContext.BaseDirectory);
    }
}
