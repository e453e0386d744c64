using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class InitializedHandler(Session session)
{
    /// <summary>Picks who watches catalog files, starts the catalog loader and pulls the settings.</summary>
    [JsonRpcMethod(Methods.Initialized)]
    public Task Initialized()
    {
        session.Log.Info($"initialize from {session.ClientDescription}");
        var watched = session.Client.Workspace?.DidChangeWatchedFiles;
        session.Catalogs.Watcher = watched is { DynamicRegistration: true, RelativePatternSupport: true }
            ? new ClientCatalogWatcher(session.Rpc, session.Log)
            : new FileSystemCatalogWatcher(session.Catalogs.FileChanged);
        session.Catalogs.Start();
        session.Diagnostics.Start();
        if (session.Client.Workspace?.Configuration == true) return session.Settings.RefreshAsync(null);
        session.Catalogs.RequestSync();
        return Task.CompletedTask;
    }
}
