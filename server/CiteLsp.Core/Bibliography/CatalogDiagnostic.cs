using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography;

public enum Severity { Error, Warning, Information }

/// <summary>A problem found while loading a catalog, with a stable code such as "bib-syntax".</summary>
public sealed record CatalogDiagnostic(Severity Severity, string Code, string Message, SourceSpan Span)
{
    /// <summary>A second place the problem involves, e.g. the first definition of a duplicate key.</summary>
    public SourceSpan? Related { get; init; }
}
