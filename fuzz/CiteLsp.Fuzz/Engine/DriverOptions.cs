namespace CiteLsp.Fuzz.Engine;

/// <summary>How long to fuzz (whichever limit comes first), from which random seed, and where to keep findings (null: nowhere).</summary>
internal sealed record DriverOptions(long Runs, int Seed, double Seconds = double.PositiveInfinity, string? FindingsDir = null,
    bool Minimize = true, int MaxInputBytes = 256 << 10, double HangSeconds = 0, TextWriter? Progress = null);
