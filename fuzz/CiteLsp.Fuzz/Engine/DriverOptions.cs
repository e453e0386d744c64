namespace CiteLsp.Fuzz.Engine;

/// <summary>
/// How long to fuzz (whichever limit comes first), from which random seed, and where to keep findings (null: nowhere).
/// WholeSeedsFirst runs every seed file unmutated and whole before mutating (slow for big corpora: off in smoke runs).
/// </summary>
internal sealed record DriverOptions(long Runs, int Seed, double Seconds = double.PositiveInfinity, string? FindingsDir = null,
    bool Minimize = true, int MaxInputBytes = 256 << 10, double HangSeconds = 0, TextWriter? Progress = null, bool WholeSeedsFirst = true);
