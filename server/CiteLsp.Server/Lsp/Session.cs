using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Configuration;
using CiteLsp.Server.Diagnostics;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CiteLsp.Server.Lsp;

/// <summary>What the handlers share: the connection, the workspace state, the catalog loader, what was negotiated at initialize, and the lifecycle.</summary>
internal sealed class Session
{
    public Session(JsonRpc rpc, Logger log)
    {
        Rpc = rpc;
        Log = log;
        Catalogs = new CatalogManager(State, log, status => rpc.NotifyWithParameterObjectAsync(Methods.CiteLspStatus, status))
        {
            Cache = new Core.Bibliography.Cache.CatalogCache(Core.Bibliography.Cache.CatalogCache.DefaultDirectory()),
            ShowLoad = message => Client.Window?.WorkDoneProgress == true
                ? new LoadProgress("Loading bibliographies", message, LoadProgress.Delay,
                    (method, args) => rpc.InvokeWithParameterObjectAsync(method, args), (method, args) => rpc.NotifyWithParameterObjectAsync(method, args))
                : null,
        };
        Settings = new SettingsRefresher(this);
        Diagnostics = new DiagnosticsPublisher(this);
    }

    public JsonRpc Rpc { get; }
    public Logger Log { get; }
    public WorkspaceState State { get; } = new();
    public CatalogManager Catalogs { get; }
    public SettingsRefresher Settings { get; }
    public DiagnosticsPublisher Diagnostics { get; }

    public ClientCapabilities Client { get; set; } = new();
    /// <summary>Converts offsets to positions in the encoding negotiated at initialize.</summary>
    public PositionConverter Positions { get; set; } = PositionConverter.Utf16;

    /// <summary>The citelsp settings given in initialize's initializationOptions (used when the editor's settings have none).</summary>
    public JToken? InitializationSettings { get; set; }

    /// <summary>"client name: position encoding, folders", logged once initialize has been answered.</summary>
    public string ClientDescription { get; set; } = "an unnamed client";

    public bool IsInitialized { get; set; }
    public bool ShutdownRequested { get; set; }
    public TaskCompletionSource Exited { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Requests other than initialize are refused before initialize and after shutdown (LSP lifecycle).</summary>
    public void RequireRunning()
    {
        if (!IsInitialized) throw new LocalRpcException("the server has not been initialized") { ErrorCode = ErrorCodes.ServerNotInitialized };
        if (ShutdownRequested) throw new LocalRpcException("the server is shutting down") { ErrorCode = ErrorCodes.InvalidRequest };
    }
}
