namespace CiteLsp.Server.Protocol;

internal sealed record InlayHintParams(TextDocumentIdentifier TextDocument, Range Range);

internal sealed record InlayHint(Position Position, string Label, bool? PaddingLeft = null, string? Tooltip = null);
