namespace CiteLsp.Server.Protocol;

/// <summary>LSP method names (and ours), so handlers and tests never spell them twice.</summary>
internal static class Methods
{
    public const string Initialize = "initialize";
    public const string Initialized = "initialized";
    public const string Shutdown = "shutdown";
    public const string Exit = "exit";
    public const string SetTrace = "$/setTrace";
    public const string CancelRequest = "$/cancelRequest";

    public const string TextDocumentDidOpen = "textDocument/didOpen";
    public const string TextDocumentDidChange = "textDocument/didChange";
    public const string TextDocumentDidClose = "textDocument/didClose";
    public const string TextDocumentDidSave = "textDocument/didSave";

    public const string TextDocumentCompletion = "textDocument/completion";
    public const string CompletionItemResolve = "completionItem/resolve";
    public const string TextDocumentHover = "textDocument/hover";
    public const string TextDocumentInlayHint = "textDocument/inlayHint";
    public const string WorkspaceExecuteCommand = "workspace/executeCommand";
    public const string WorkspaceApplyEdit = "workspace/applyEdit";
    public const string WorkspaceInlayHintRefresh = "workspace/inlayHint/refresh";
    public const string TextDocumentPublishDiagnostics = "textDocument/publishDiagnostics";
    public const string TextDocumentCodeAction = "textDocument/codeAction";
    public const string TextDocumentDefinition = "textDocument/definition";
    public const string TextDocumentReferences = "textDocument/references";
    public const string TextDocumentPrepareRename = "textDocument/prepareRename";
    public const string TextDocumentRename = "textDocument/rename";
    public const string TextDocumentDocumentSymbol = "textDocument/documentSymbol";
    public const string WorkspaceSymbol = "workspace/symbol";

    public const string WorkspaceConfiguration = "workspace/configuration";
    public const string WorkspaceDidChangeConfiguration = "workspace/didChangeConfiguration";
    public const string WorkspaceDidChangeWatchedFiles = "workspace/didChangeWatchedFiles";
    public const string ClientRegisterCapability = "client/registerCapability";
    public const string ClientUnregisterCapability = "client/unregisterCapability";
    public const string WindowLogMessage = "window/logMessage";
    public const string WindowWorkDoneProgressCreate = "window/workDoneProgress/create";
    public const string Progress = "$/progress";

    public const string CiteLspSearch = "citelsp/search";
    public const string CiteLspBibliographies = "citelsp/bibliographies";
    public const string CiteLspStatus = "citelsp/status";
}
