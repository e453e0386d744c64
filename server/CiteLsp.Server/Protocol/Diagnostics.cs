namespace CiteLsp.Server.Protocol;

internal static class DiagnosticSeverity
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Information = 3;
    public const int Hint = 4;
}

internal sealed record Location(string Uri, Range Range);

internal sealed record DiagnosticRelatedInformation(Location Location, string Message);

/// <summary>Data carries the cited key so a client can round-trip it; the server recomputes fixes anyway.</summary>
internal sealed record Diagnostic(Range Range, int Severity, string Code, string Source, string Message)
{
    public IReadOnlyList<DiagnosticRelatedInformation>? RelatedInformation { get; init; }
    public object? Data { get; init; }
}

internal sealed record PublishDiagnosticsParams(string Uri, IReadOnlyList<Diagnostic> Diagnostics, int? Version = null);
