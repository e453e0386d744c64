namespace CiteLsp.Server.Protocol;

internal sealed record TextDocumentItem(string Uri, string LanguageId, int Version, string Text);

internal sealed record VersionedTextDocumentIdentifier(string Uri, int Version);

/// <summary>Without a range the change replaces the whole document.</summary>
internal sealed record TextDocumentContentChangeEvent(string Text, Range? Range = null);

internal sealed record DidOpenTextDocumentParams(TextDocumentItem TextDocument);

internal sealed record DidChangeTextDocumentParams(VersionedTextDocumentIdentifier TextDocument, IReadOnlyList<TextDocumentContentChangeEvent> ContentChanges);

internal sealed record DidCloseTextDocumentParams(TextDocumentIdentifier TextDocument);

internal sealed record DidSaveTextDocumentParams(TextDocumentIdentifier TextDocument, string? Text = null);

internal static class TextDocumentSyncKind
{
    public const int Full = 1;
    public const int Incremental = 2;
}
