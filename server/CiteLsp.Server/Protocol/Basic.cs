namespace CiteLsp.Server.Protocol;

/// <summary>0-based line and character; character counts units of the negotiated position encoding.</summary>
internal sealed record Position(int Line, int Character);

internal sealed record Range(Position Start, Position End);

internal sealed record TextDocumentIdentifier(string Uri);
