using System.Text;
using CiteLsp.Fuzz.Engine;
using CiteLsp.Fuzz.Harnesses;

namespace CiteLsp.Tests.Fuzz;

/// <summary>A few seconds of every fuzz harness (the long runs are `dotnet run --project fuzz/CiteLsp.Fuzz`, see fuzz/README.md).</summary>
public class FuzzSmokeTests
{
    public static TheoryData<string> Harnesses() => new(AllHarnesses.List.Select(h => h.Name));

    [Theory]
    [MemberData(nameof(Harnesses))]
    public void Harness_survives_a_short_mutational_run(string name)
    {
        var harness = AllHarnesses.Find(name)!;
        var seeds = SeedCorpus.Load(harness, TestPaths.RepoRoot);
        var options = new DriverOptions(Runs: 30_000, Seed: 7, Seconds: 3, Minimize: false, WholeSeedsFirst: false);
        var results = new[] { new Driver(harness, seeds, options).Run() }.ToList();
        // A busy machine (CI's tests in parallel, all of them compiling) can get through fewer in 3 s: the rest of the
        // minimum then runs without the time limit.
        if (results[0].Executions < 100)
            results.Add(new Driver(harness, seeds, options with { Runs = 100 - results[0].Executions, Seed = 8, Seconds = 120 }).Run());
        Assert.True(results.Sum(r => r.Executions) >= 100, $"only {results.Sum(r => r.Executions)} executions");
        var failures = results.SelectMany(r => r.Failures).ToList();
        Assert.True(failures.Count == 0, string.Join("\n\n", failures.Select(f => $"{f.Signature}\n{f.Message}")));
    }

    [Fact]
    public void Driver_finds_and_minimises_a_planted_failure()
    {
        var planted = new PlantedBug();
        var seeds = new[] { "@article{key, title = {Some title}, year = 2020}"u8.ToArray() };
        var result = new Driver(planted, seeds, new DriverOptions(Runs: 200_000, Seed: 3, Seconds: 10)).Run();
        var failure = Assert.Single(result.Failures);
        Assert.Equal("property planted", failure.Signature);
        Assert.Equal("{}", Encoding.UTF8.GetString(failure.Minimized));
    }

    /// <summary>Fails on an empty brace group anywhere: a bug the mutator must reach and the minimiser must isolate.</summary>
    private sealed class PlantedBug : Harness
    {
        public override string Name => "planted";
        public override string Description => "test double";
        public override IReadOnlyList<string> SeedExtensions => [];
        public override void Run(byte[] input) =>
            Check.That(input.AsSpan().IndexOf("{}"u8) < 0, "planted", () => "empty group");
    }
}
