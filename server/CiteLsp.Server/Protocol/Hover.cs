namespace CiteLsp.Server.Protocol;

internal sealed record TextDocumentPositionParams(TextDocumentIdentifier TextDocument, Position Position);

internal sealed record Hover(MarkupContent Contents, Range? Range = null);
