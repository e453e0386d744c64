namespace CiteLsp.Server.Protocol;

internal sealed record ReferenceContext(bool IncludeDeclaration);

internal sealed record ReferenceParams(TextDocumentIdentifier TextDocument, Position Position, ReferenceContext? Context = null);

internal sealed record RenameParams(TextDocumentIdentifier TextDocument, Position Position, string NewName);

internal sealed record PrepareRenameResult(Range Range, string Placeholder);

internal sealed record RenameOptions(bool PrepareProvider);

internal sealed record DocumentSymbolParams(TextDocumentIdentifier TextDocument);

internal sealed record DocumentSymbol(string Name, int Kind, Range Range, Range SelectionRange)
{
    public string? Detail { get; init; }
}

internal sealed record WorkspaceSymbolParams(string Query);

internal sealed record SymbolInformation(string Name, int Kind, Location Location)
{
    public string? ContainerName { get; init; }
}

/// <summary>The few symbol kinds bibliography entries map to.</summary>
internal static class SymbolKind
{
    public const int Module = 2;
    public const int Class = 5;
    public const int Field = 8;
    public const int Constant = 14;
    public const int String = 15;
    public const int Object = 19;
    public const int Struct = 23;
}
