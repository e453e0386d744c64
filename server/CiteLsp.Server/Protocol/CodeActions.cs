namespace CiteLsp.Server.Protocol;

internal sealed record CodeActionContext(IReadOnlyList<Diagnostic>? Diagnostics = null, IReadOnlyList<string>? Only = null);

internal sealed record CodeActionParams(TextDocumentIdentifier TextDocument, Range Range, CodeActionContext? Context = null);

internal sealed record CodeAction(string Title, string Kind, WorkspaceEdit Edit)
{
    public IReadOnlyList<Diagnostic>? Diagnostics { get; init; }
    public bool? IsPreferred { get; init; }
}

internal static class CodeActionKind
{
    public const string QuickFix = "quickfix";
}

internal sealed record CodeActionOptions(IReadOnlyList<string> CodeActionKinds);
