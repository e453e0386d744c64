using System.Collections.Concurrent;
using System.Diagnostics;

namespace CiteLsp.Tests.Server;

/// <summary>The real built server (citelsp.dll, copied next to the tests by the ProjectReference) as a child process.</summary>
internal sealed class ServerProcess : IDisposable
{
    private readonly ConcurrentQueue<string> _stderr = new();

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "citelsp.dll");

    public static string CacheHome { get; set; } = Path.Combine(Path.GetTempPath(), $"citelsp-test-cache-{Environment.ProcessId}");

    /// <param name="cacheHome">The XDG cache folder for this process alone (default: the test run's, <see cref="CacheHome"/>).</param>
    public ServerProcess(string[] args, string? cacheHome = null)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // The warm-start cache of test libraries goes to the test run's own folder, never the user's.
        info.Environment["XDG_CACHE_HOME"] = cacheHome ?? CacheHome;
        info.ArgumentList.Add(DllPath);
        foreach (var a in args) info.ArgumentList.Add(a);
        Process = Process.Start(info) ?? throw new InvalidOperationException("could not start the server");
        Process.ErrorDataReceived += (_, e) => { if (e.Data is not null) _stderr.Enqueue(e.Data); };
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }
    public Stream Input => Process.StandardInput.BaseStream;
    public Stream Output => Process.StandardOutput.BaseStream;
    public string Stderr => string.Join('\n', _stderr);

    /// <summary>The exit code, or null if the process is still running after <paramref name="timeout"/>.</summary>
    public async Task<int?> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try { await Process.WaitForExitAsync(cts.Token); }
        catch (OperationCanceledException) { return null; }
        return Process.ExitCode;
    }

    public void Dispose()
    {
        try { if (!Process.HasExited) Process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        Process.Dispose();
    }
}
