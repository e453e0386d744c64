using CiteLsp.Fuzz.Engine;
using SharpFuzz;

namespace CiteLsp.Fuzz;

/// <summary>
/// The AFL++ route: afl-fuzz starts this process with SharpFuzz-instrumented CiteLsp assemblies; SharpFuzz's
/// forkserver hands each input over and reports branch coverage. A thrown exception is the crash AFL records.
/// </summary>
internal static class AflEntry
{
    public static int Run(Harness harness)
    {
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            harness.Run(memory.ToArray());
        });
        return 0;
    }
}
