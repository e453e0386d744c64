namespace CiteLsp.Fuzz.Engine;

/// <summary>What a run did: executions, time, distinct failures and the slowest input seen.</summary>
internal sealed record DriverResult(string Harness, long Executions, TimeSpan Elapsed, IReadOnlyList<Failure> Failures, double SlowestMs, int SlowestBytes, long Bytes)
{
    public double ExecPerSecond => Executions / Math.Max(Elapsed.TotalSeconds, 1e-9);
    public long FailureCount => Failures.Sum(f => (long)f.Count);
}
