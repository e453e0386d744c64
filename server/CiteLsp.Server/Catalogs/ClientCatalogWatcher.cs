using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// Asks the client to watch the catalog files (dynamic registration of workspace/didChangeWatchedFiles with
/// one RelativePattern per file, so files outside the workspace are covered too). Changes then arrive through
/// the didChangeWatchedFiles handler. Re-registers whenever the set of files changes.
/// </summary>
internal sealed class ClientCatalogWatcher(JsonRpc rpc) : ICatalogWatcher
{
    private IReadOnlySet<string> _paths = new HashSet<string>();
    private string? _registrationId;
    private int _next;

    public async Task WatchAsync(IReadOnlySet<string> paths)
    {
        if (_paths.SetEquals(paths)) return;
        _paths = paths;
        if (_registrationId is { } old)
        {
            _registrationId = null;
            await rpc.InvokeWithParameterObjectAsync(Methods.ClientUnregisterCapability,
                new UnregistrationParams([new Unregistration(old, Methods.WorkspaceDidChangeWatchedFiles)]));
        }
        if (paths.Count == 0) return;
        var id = $"citelsp-catalogs-{++_next}";
        var watchers = paths.Order(StringComparer.Ordinal)
            .Select(p => new FileSystemWatcherOptions(new RelativePattern(DocumentUri.FromPath(Path.GetDirectoryName(p) ?? "/"), Path.GetFileName(p))))
            .ToList();
        await rpc.InvokeWithParameterObjectAsync(Methods.ClientRegisterCapability,
            new RegistrationParams([new Registration(id, Methods.WorkspaceDidChangeWatchedFiles, new DidChangeWatchedFilesRegistrationOptions(watchers))]));
        _registrationId = id;
    }

    public void Dispose() { }
}
