using Newtonsoft.Json.Linq;

namespace CiteLsp.Server.Protocol;

internal sealed record InitializeParams
{
    public int? ProcessId { get; init; }
    public ClientInfo? ClientInfo { get; init; }
    public string? RootUri { get; init; }
    public string? RootPath { get; init; }
    public IReadOnlyList<WorkspaceFolder>? WorkspaceFolders { get; init; }
    public ClientCapabilities Capabilities { get; init; } = new();
    /// <summary>Accepted as initial settings (same shape as the <c>citelsp</c> section) for clients that cannot answer workspace/configuration.</summary>
    public JToken? InitializationOptions { get; init; }
    public string? Trace { get; init; }
}

internal sealed record ClientInfo(string Name, string? Version = null);

internal sealed record WorkspaceFolder(string Uri, string Name);

/// <summary>Only the client capabilities the server looks at; unknown fields are ignored on input.</summary>
internal sealed record ClientCapabilities
{
    public GeneralClientCapabilities? General { get; init; }
    public WorkspaceClientCapabilities? Workspace { get; init; }
    public WindowClientCapabilities? Window { get; init; }
    /// <summary>Kept raw so feature handlers can read their own sub-capabilities without a DTO per feature.</summary>
    public JObject? TextDocument { get; init; }
}

internal sealed record WindowClientCapabilities(bool WorkDoneProgress = false);

internal sealed record GeneralClientCapabilities(IReadOnlyList<string>? PositionEncodings = null);

internal sealed record WorkspaceClientCapabilities
{
    public bool Configuration { get; init; }
    public bool WorkspaceFolders { get; init; }
    public DidChangeWatchedFilesClientCapabilities? DidChangeWatchedFiles { get; init; }
    public RefreshClientCapabilities? InlayHint { get; init; }
}

internal sealed record RefreshClientCapabilities(bool RefreshSupport = false);

internal sealed record DidChangeWatchedFilesClientCapabilities(bool DynamicRegistration = false, bool RelativePatternSupport = false);

internal sealed record InitializeResult(ServerCapabilities Capabilities, ServerInfo ServerInfo);

internal sealed record ServerInfo(string Name, string? Version);

/// <summary>What the server advertises: only implemented features (features add their provider here).</summary>
internal sealed record ServerCapabilities
{
    public string PositionEncoding { get; init; } = Protocol.PositionEncoding.Utf16;
    public TextDocumentSyncOptions TextDocumentSync { get; init; } = new();
    public CompletionOptions CompletionProvider { get; init; } = new(["{", ",", "@"], ResolveProvider: true);
    public bool HoverProvider { get; init; } = true;
    public bool InlayHintProvider { get; init; } = true;
    public ExecuteCommandOptions ExecuteCommandProvider { get; init; } = new([ServerCommands.AddToBibliography]);
    public CodeActionOptions CodeActionProvider { get; init; } = new([CodeActionKind.QuickFix]);
    public bool DefinitionProvider { get; init; } = true;
    public bool ReferencesProvider { get; init; } = true;
    public RenameOptions RenameProvider { get; init; } = new(PrepareProvider: true);
    public bool DocumentSymbolProvider { get; init; } = true;
    public bool WorkspaceSymbolProvider { get; init; } = true;
}

internal sealed record TextDocumentSyncOptions
{
    public bool OpenClose { get; init; } = true;
    public int Change { get; init; } = TextDocumentSyncKind.Incremental;
    public SaveOptions Save { get; init; } = new(IncludeText: false);
}

internal sealed record SaveOptions(bool IncludeText);

internal sealed record SetTraceParams(string Value);
