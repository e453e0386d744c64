using System.Diagnostics;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Completion;
using CiteLsp.Core.Search;
using CiteLsp.Core.Text;

namespace CiteLsp.Bench;

/// <summary>"typing FILE": completion latency per keystroke on one big library, as the server ranks it
/// (<see cref="CitationCompletion.Rank"/> over the library's index, built with abstracts, limit 50). Every prefix of
/// typical queries is one keystroke; the first pass meets each code path for the first time (JIT), later passes are warm.</summary>
internal static class TypingBench
{
    private const int Limit = 50;
    private const int WarmPasses = 3;

    public static int Run(string[] args)
    {
        var path = args[0];
        var extraWords = args.Contains("--extra-words");
        Console.WriteLine($"{path}: {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        var sw = Stopwatch.StartNew();
        var file = CatalogLoader.Load(path);
        if (extraWords) file = file with { Entries = WithExtraWords(file.Entries) };
        var library = Catalog.Build([file]);
        file = null;
        Console.WriteLine($"  parsed + catalog: {library.Entries.Count:N0} entries in {sw.Elapsed.TotalSeconds:F1} s" +
                          (extraWords ? " (each title + one random 5-10 letter word: a dictionary as large as a real library's)" : ""));

        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        sw.Restart();
        var sources = CompletionSources.Build(Catalog.Empty, library);
        var buildMs = sw.Elapsed.TotalMilliseconds;
        var heapAfter = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"  index build {buildMs:F0} ms, {sources.Index.TermCount:N0} terms; index heap {(heapAfter - heapBefore) / 1048576.0:F0} MB, " +
                          $"whole heap {heapAfter / 1048576.0:F0} MB, working set {Process.GetCurrentProcess().WorkingSet64 / 1048576.0:F0} MB");

        var sequences = Sequences(library.Entries, new Random(7));
        Console.WriteLine($"  {sequences.Count} typed queries, {sequences.Sum(s => s.Query.Length)} keystrokes per pass");

        // Pass 0: every query string seen for the first time in this process (the very first is the JIT's cold start).
        var cold = Pass(sources, sequences);
        Console.WriteLine($"  very first keystroke in the process: {cold.First().Ms:F1} ms ('{sequences[0].Query[..1]}')");
        Report("pass 1 (cold: first time each path runs)", cold);
        var warm = new List<(string Kind, string Typed, double Ms, double Cpu)>();
        for (var pass = 0; pass < WarmPasses; pass++) warm.AddRange(Pass(sources, sequences));
        Report($"passes 2-{WarmPasses + 1} (warm)", warm);
        foreach (var kind in warm.Select(w => w.Kind).Distinct())
            Report($"  {kind}", warm.Where(w => w.Kind == kind).ToList());
        Report("  first keystroke of each query (1 char)", warm.Where(w => w.Typed.Length == 1).ToList());
        Report("  2-3 chars", warm.Where(w => w.Typed.Length is 2 or 3).ToList());
        Report("  4+ chars", warm.Where(w => w.Typed.Length >= 4).ToList());
        Console.WriteLine("  slowest keystrokes (warm, median of the passes): " + string.Join(", ", warm.GroupBy(w => w.Typed)
            .Select(g => (Typed: g.Key, Ms: g.Select(w => w.Ms).Order().ElementAt(g.Count() / 2))).OrderByDescending(g => g.Ms).Take(12)
            .Select(g => $"'{g.Typed}' {g.Ms:F1}")));
        Console.WriteLine($"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:F0} MB");
        GC.KeepAlive(sources);
        return 0;
    }

    private static List<(string Kind, string Typed, double Ms, double Cpu)> Pass(CompletionSources sources, List<(string Kind, string Query)> sequences)
    {
        var results = new List<(string, string, double, double)>();
        var none = new HashSet<string>(StringComparer.Ordinal);
        var recent = new Dictionary<string, int>();
        foreach (var (kind, query) in sequences)
            for (var n = 1; n <= query.Length; n++)
            {
                var typed = query[..n];
                var sw = Stopwatch.StartNew();
                var c0 = ThreadCpu.NowMs();
                var hits = CitationCompletion.Rank(typed, none, recent, sources, Limit);
                results.Add((kind, typed, sw.Elapsed.TotalMilliseconds, ThreadCpu.NowMs() - c0));
                GC.KeepAlive(hits);
            }
        return results;
    }

    /// <summary>Synthetic libraries replay a few thousand real entries, so their dictionary stays small (49k terms at 1M);
    /// real ones keep growing (names, rare words). One random word per title brings the dictionary to about an entry per term.</summary>
    private static List<Entry> WithExtraWords(IReadOnlyList<Entry> entries)
    {
        var rng = new Random(3);
        var word = new char[10];
        return entries.Select(e =>
        {
            var n = rng.Next(5, 11);
            for (var i = 0; i < n; i++) word[i] = (char)('a' + rng.Next(26));
            return e with { Title = e.Title + " " + new string(word, 0, n) };
        }).ToList();
    }

    /// <summary>Fixed queries a writer types, plus surnames, title words, years and key prefixes of random entries.</summary>
    private static List<(string Kind, string Query)> Sequences(IReadOnlyList<Entry> entries, Random rng)
    {
        var list = new List<(string, string)>
        {
            ("phrase", "kaplun double descent 2019"), ("phrase", "vaswani attention"), ("phrase", "smith 2020"),
            ("phrase", "neural network learning"), ("phrase", "deep reinforcement learning atari"),
            ("letter", "a"), ("letter", "b"), ("letter", "s"), ("letter", "t"), ("letter", "m"),
            ("year", "2019"), ("year", "1998"), ("year", "2023"),
            ("typo", "dobule descnet"), ("typo", "attentoin"), ("typo", "vaswnai"), ("typo", "learnign represenations"),
            ("joined", "kapdoub"), ("joined", "vasatt"),
        };
        for (var i = 0; i < 20; i++)
        {
            var e = entries[rng.Next(entries.Count)];
            if (e.Authors.Count > 0 && TextFolding.AsciiAlnum(e.Authors[0].Family) is { Length: >= 2 } family) list.Add(("surname", family.ToLowerInvariant()));
            var words = e.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextFolding.AsciiAlnum).Where(w => w.Length >= 4).ToArray();
            if (words.Length > 0) list.Add(("title word", words[rng.Next(words.Length)].ToLowerInvariant()));
            list.Add(("key prefix", e.Key[..Math.Min(8, e.Key.Length)]));
            if (e.Authors.Count > 0 && e.Year is { } y && TextFolding.AsciiAlnum(e.Authors[0].Family) is { Length: >= 2 } f)
                list.Add(("surname year", $"{f.ToLowerInvariant()} {y}"));
        }
        return list;
    }

    private static void Report(string name, List<(string Kind, string Typed, double Ms, double Cpu)> runs)
    {
        if (runs.Count == 0) return;
        var ms = runs.Select(r => r.Ms).Order().ToList();
        var cpu = runs.Select(r => r.Cpu).Order().ToList();
        double P(List<double> l, double p) => l[Math.Min(l.Count - 1, (int)Math.Ceiling(p * l.Count) - 1)];
        Console.WriteLine($"{name,-44} n={runs.Count,5}  p50 {P(ms, 0.5),7:F2}  p99 {P(ms, 0.99),7:F2}  max {ms[^1],7:F2} ms   " +
                          $"thread CPU p50 {P(cpu, 0.5),7:F2}  p99 {P(cpu, 0.99),7:F2} ms");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
