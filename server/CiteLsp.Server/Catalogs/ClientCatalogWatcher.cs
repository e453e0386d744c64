using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// Asks the client to watch the catalog files (dynamic registration of workspace/didChangeWatchedFiles with
/// one RelativePattern per file, so files outside the workspace are covered too). Changes then arrive through
/// the didChangeWatchedFiles handler. Registration runs in the background, latest set wins, so a client that
/// is slow to answer never holds up catalog loading.
/// </summary>
internal sealed class ClientCatalogWatcher(JsonRpc rpc, Logger log) : ICatalogWatcher
{
    private readonly object _gate = new();
    private IReadOnlySet<string> _wanted = new HashSet<string>();
    private IReadOnlySet<string> _registered = new HashSet<string>();
    private bool _pumping;
    private string? _registrationId;
    private int _next;

    public Task WatchAsync(IReadOnlySet<string> paths)
    {
        lock (_gate)
        {
            _wanted = paths;
            if (_pumping) return Task.CompletedTask;
            _pumping = true;
        }
        _ = Task.Run(PumpAsync);
        return Task.CompletedTask;
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            IReadOnlySet<string> wanted;
            lock (_gate)
            {
                wanted = _wanted;
                if (_registered.SetEquals(wanted)) { _pumping = false; return; }
            }
            try { await RegisterAsync(wanted); }
            catch (Exception ex) { log.Warning($"could not register file watchers: {ex.Message}"); }
            lock (_gate) _registered = wanted;
        }
    }

    private async Task RegisterAsync(IReadOnlySet<string> paths)
    {
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
