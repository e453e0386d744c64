using Newtonsoft.Json;

namespace CiteLsp.Server.Protocol;

internal sealed record CompletionParams(TextDocumentIdentifier TextDocument, Position Position, CompletionContext? Context = null);

internal sealed record CompletionContext(int TriggerKind, string? TriggerCharacter = null);

internal sealed record CompletionList(bool IsIncomplete, IReadOnlyList<CompletionItem> Items)
{
    public static readonly CompletionList Empty = new(false, []);
}

internal sealed record CompletionItem
{
    public required string Label { get; init; }
    public CompletionItemLabelDetails? LabelDetails { get; init; }
    public int? Kind { get; init; }
    public string? Detail { get; init; }
    public MarkupContent? Documentation { get; init; }
    public string? SortText { get; init; }
    public string? FilterText { get; init; }
    public TextEdit? TextEdit { get; init; }
    public Command? Command { get; init; }
    /// <summary>What completionItem/resolve needs to find the entry again.</summary>
    public CompletionItemData? Data { get; init; }
}

internal sealed record CompletionItemLabelDetails(string? Detail = null, string? Description = null);

internal sealed record CompletionItemData(string Uri, string Key);

internal static class CompletionItemKind
{
    /// <summary>A reference: what VS Code shows for citations (texlab uses it too).</summary>
    public const int Reference = 18;
}

internal sealed record CompletionOptions(IReadOnlyList<string> TriggerCharacters, bool ResolveProvider);

internal sealed record MarkupContent(string Kind, string Value)
{
    public static MarkupContent Markdown(string value) => new("markdown", value);
}

internal sealed record TextEdit(Range Range, string NewText);

internal sealed record Command(string Title, [property: JsonProperty("command")] string Name, IReadOnlyList<object>? Arguments = null);
