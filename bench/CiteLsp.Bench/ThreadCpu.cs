using System.Runtime.InteropServices;

namespace CiteLsp.Bench;

/// <summary>CPU time of the calling thread (Linux clock_gettime): stable figures on a shared, busy machine where wall time is not.</summary>
internal static partial class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct Timespec { public long Sec; public long Nsec; }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out Timespec ts);

    public static double NowMs() => ClockGetTime(ClockThreadCpuTimeId, out var ts) == 0 ? ts.Sec * 1e3 + ts.Nsec / 1e6 : double.NaN;
}
