using System.Diagnostics;
using System.Security.Cryptography;

namespace CiteLsp.Fuzz.Engine;

/// <summary>
/// Runs a harness on mutated seeds until a run count or a time limit, collecting distinct failures
/// (minimised and saved when a findings folder is given). With HangSeconds set, a watchdog saves an input
/// that runs longer than that and ends the process, since a stuck call cannot be aborted in-process.
/// </summary>
internal sealed class Driver(Harness harness, IReadOnlyList<byte[]> seeds, DriverOptions options)
{
    private const int MaxDistinctFailures = 50;

    private byte[] _current = [];
    private long _startedTicks;

    public DriverResult Run()
    {
        var mutator = new Mutator(new Random(options.Seed), seeds, harness.Tokens, options.MaxInputBytes);
        var failures = new Dictionary<string, Failure>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        using var watchdog = options.HangSeconds > 0 ? new Timer(_ => CheckHang(), null, 1000, 1000) : null;
        long runs = 0, bytes = 0;
        double slowestMs = 0;
        byte[] slowest = [];
        var nextReport = 5.0;
        var execClock = new Stopwatch();
        while (runs < options.Runs && clock.Elapsed.TotalSeconds < options.Seconds)
        {
            var input = options.WholeSeedsFirst && runs < seeds.Count ? seeds[(int)runs] : mutator.Next();
            Volatile.Write(ref _current, input);
            Volatile.Write(ref _startedTicks, Stopwatch.GetTimestamp());
            execClock.Restart();
            var signature = SignatureOf(input, out var error);
            execClock.Stop();
            Volatile.Write(ref _startedTicks, 0);
            runs++;
            bytes += input.Length;
            if (execClock.Elapsed.TotalMilliseconds > slowestMs) (slowestMs, slowest) = (execClock.Elapsed.TotalMilliseconds, input);
            if (signature is not null) Record(failures, signature, error!, input);
            if (options.Progress is { } progress && clock.Elapsed.TotalSeconds >= nextReport)
            {
                progress.WriteLine($"  {harness.Name}: {runs:N0} execs, {runs / clock.Elapsed.TotalSeconds:N0}/s, {failures.Count} distinct failures");
                nextReport += 30;
            }
        }
        // The slowest input is kept for performance work (super-linear paths show up here before they hang).
        if (options.FindingsDir is { } dir && slowest.Length > 0)
        {
            Directory.CreateDirectory(Path.Combine(dir, harness.Name));
            File.WriteAllBytes(Path.Combine(dir, harness.Name, "slowest.input"), slowest);
        }
        return new DriverResult(harness.Name, runs, clock.Elapsed, failures.Values.ToList(), slowestMs, slowest.Length, bytes);
    }

    /// <summary>Null when the input passes, else the failure signature.</summary>
    public string? SignatureOf(byte[] input, out Exception? error)
    {
        try { harness.Run(input); error = null; return null; }
        catch (Exception ex) { error = ex; return Failure.SignatureOf(ex); }
    }

    private void Record(Dictionary<string, Failure> failures, string signature, Exception error, byte[] input)
    {
        if (failures.TryGetValue(signature, out var known)) { known.Count++; return; }
        if (failures.Count >= MaxDistinctFailures) return;
        var minimized = options.Minimize
            ? Minimizer.Minimize(input, candidate => SignatureOf(candidate, out _), signature, TimeSpan.FromSeconds(20))
            : input;
        var failure = new Failure(signature, error.ToString(), input, minimized);
        failures[signature] = failure;
        options.Progress?.WriteLine($"  FAILURE {signature} ({input.Length} bytes, minimised to {minimized.Length})");
        if (options.FindingsDir is { } dir) failure.SavedAs = Save(dir, minimized, input, error.ToString());
    }

    private string Save(string dir, byte[] minimized, byte[] original, string report)
    {
        var folder = Path.Combine(dir, harness.Name);
        Directory.CreateDirectory(folder);
        var name = Convert.ToHexStringLower(SHA256.HashData(minimized))[..12];
        var path = Path.Combine(folder, name + ".bin");
        File.WriteAllBytes(path, minimized);
        File.WriteAllBytes(Path.Combine(folder, name + ".original.bin"), original);
        File.WriteAllText(Path.Combine(folder, name + ".txt"), report);
        return path;
    }

    private void CheckHang()
    {
        var started = Volatile.Read(ref _startedTicks);
        if (started == 0 || Stopwatch.GetElapsedTime(started).TotalSeconds < options.HangSeconds) return;
        var input = Volatile.Read(ref _current);
        var path = options.FindingsDir is { } dir ? Save(dir, input, input, $"hang: one execution ran over {options.HangSeconds} s") : "(not saved)";
        Console.Error.WriteLine($"HANG in {harness.Name}: an input of {input.Length} bytes ran over {options.HangSeconds} s; saved to {path}");
        Environment.Exit(3);
    }
}
