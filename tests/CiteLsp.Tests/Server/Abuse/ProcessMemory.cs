namespace CiteLsp.Tests.Server.Abuse;

/// <summary>Resident memory of a process, read from /proc (Linux), for "memory returns to its level before" checks.</summary>
internal static class ProcessMemory
{
    public static long ResidentBytes(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0]) * 1024;
        throw new InvalidOperationException("no VmRSS in /proc/" + pid + "/status");
    }

    public static string Mb(long bytes) => $"{bytes / (1024.0 * 1024):N0} MB";
}
