using System.Globalization;
using CiteLsp.Fuzz;
using CiteLsp.Fuzz.Engine;
using CiteLsp.Fuzz.Harnesses;

// Usage: see Usage below and fuzz/README.md.
return FuzzMain.Run(args);

namespace CiteLsp.Fuzz
{
    internal static class FuzzMain
    {
        private const string Usage = """
            usage: CiteLsp.Fuzz <harness|all|list> [--runs N] [--seconds T] [--seed S] [--findings DIR] [--max-bytes N] [--hang S] [--no-minimize]
                   CiteLsp.Fuzz <harness> --replay FILE...   run saved inputs once each
                   CiteLsp.Fuzz <harness> --afl              run one AFL++ forkserver child (SharpFuzz; see fuzz/README.md)
            """;

        public static int Run(string[] args)
        {
            if (args.Length == 0 || args[0] is "-h" or "--help") { Console.Error.WriteLine(Usage); return 2; }
            if (args[0] == "list")
            {
                foreach (var h in AllHarnesses.List) Console.WriteLine($"{h.Name,-10} {h.Description}");
                return 0;
            }
            var harnesses = args[0] == "all" ? AllHarnesses.List : AllHarnesses.Find(args[0]) is { } one ? [one] : [];
            if (harnesses.Count == 0) { Console.Error.WriteLine($"unknown harness '{args[0]}'; try 'list'"); return 2; }
            var rest = args.Skip(1).ToList();
            if (rest.Contains("--afl")) return AflEntry.Run(harnesses[0]);
            if (rest.Contains("--replay")) return Replay(harnesses[0], rest.Where(a => a != "--replay").ToList());

            var root = SeedCorpus.FindRepoRoot(AppContext.BaseDirectory);
            var options = new DriverOptions(
                Runs: Option(rest, "--runs", 100_000L),
                Seed: (int)Option(rest, "--seed", 1L),
                Seconds: Option(rest, "--seconds", double.PositiveInfinity),
                FindingsDir: OptionText(rest, "--findings") ?? Path.Combine(root, "fuzz", "findings"),
                Minimize: !rest.Contains("--no-minimize"),
                MaxInputBytes: (int)Option(rest, "--max-bytes", 256L << 10),
                HangSeconds: Option(rest, "--hang", 10.0),
                Progress: Console.Out);
            var failed = false;
            foreach (var harness in harnesses)
            {
                var seeds = SeedCorpus.Load(harness, root);
                Console.WriteLine($"{harness.Name}: {seeds.Count} seeds, up to {options.Runs:N0} runs, seed {options.Seed}");
                var result = new Driver(harness, seeds, options).Run();
                Console.WriteLine($"{result.Harness}: executions {result.Executions:N0}, {result.ExecPerSecond:N0} exec/s, " +
                    $"{result.Elapsed.TotalSeconds:N1} s, {result.Bytes / 1e6:N1} MB fed, slowest {result.SlowestMs:N1} ms ({result.SlowestBytes:N0} bytes), " +
                    $"failures {result.FailureCount} ({result.Failures.Count} distinct)");
                foreach (var f in result.Failures)
                    Console.WriteLine($"  {f.Count}x {f.Signature} -> {f.SavedAs ?? "(not saved)"} ({f.Minimized.Length} bytes)");
                failed |= result.Failures.Count > 0;
            }
            return failed ? 1 : 0;
        }

        private static int Replay(Harness harness, List<string> files)
        {
            var failed = 0;
            foreach (var file in files)
            {
                var clock = System.Diagnostics.Stopwatch.StartNew();
                try { harness.Run(File.ReadAllBytes(file)); Console.WriteLine($"ok   {file} ({clock.Elapsed.TotalMilliseconds:N1} ms)"); }
                catch (Exception ex) { failed++; Console.WriteLine($"FAIL {file}: {ex}"); }
            }
            return failed > 0 ? 1 : 0;
        }

        private static T Option<T>(List<string> args, string name, T fallback) where T : IParsable<T> =>
            OptionText(args, name) is { } text ? T.Parse(text.Replace("_", ""), CultureInfo.InvariantCulture) : fallback;

        private static string? OptionText(List<string> args, string name)
        {
            var i = args.IndexOf(name);
            return i >= 0 && i + 1 < args.Count ? args[i + 1] : null;
        }
    }
}
