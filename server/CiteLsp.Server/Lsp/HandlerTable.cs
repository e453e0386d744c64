using CiteLsp.Server.Handlers;

namespace CiteLsp.Server.Lsp;

/// <summary>Every handler object the server registers; a new feature adds its handler here (and its capability in ServerCapabilities).</summary>
internal static class HandlerTable
{
    public static IReadOnlyList<object> Create(Session session) =>
    [
        new InitializeHandler(session),
        new InitializedHandler(session),
        new ShutdownHandler(session),
        new ExitHandler(session),
        new SetTraceHandler(session),
        new DidOpenHandler(session),
        new DidChangeHandler(session),
        new DidCloseHandler(session),
        new DidSaveHandler(session),
        new DidChangeConfigurationHandler(session),
        new DidChangeWatchedFilesHandler(session),
        new SearchHandler(session),
        new BibliographiesHandler(session),
        new CompletionHandler(session),
        new CompletionResolveHandler(session),
        new HoverHandler(session),
        new InlayHintHandler(session),
        new ExecuteCommandHandler(session),
        new CodeActionHandler(session),
        new DefinitionHandler(session),
        new ReferencesHandler(session),
        new PrepareRenameHandler(session),
        new RenameHandler(session),
        new DocumentSymbolHandler(session),
        new WorkspaceSymbolHandler(session),
    ];
}
