using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Configuration;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Diagnostics;

/// <summary>
/// A problem in a document or bibliography file, in domain terms (offsets, stable code).
/// The optional members carry what the quick fixes need, so code actions need not recompute the diagnosis.
/// </summary>
public sealed record CiteDiagnostic(string Code, DiagnosticLevel Severity, string Message, SourceSpan Span)
{
    /// <summary>The cited key as written (citation diagnostics).</summary>
    public string? Key { get; init; }

    /// <summary>The catalog key that equals <see cref="Key"/> up to letter case.</summary>
    public string? CaseMatch { get; init; }

    /// <summary>A library file that holds the key the document's bibliography lacks.</summary>
    public string? LibraryPath { get; init; }

    /// <summary>The compiler will not find the key (what makes `citelsp check` exit 1).</summary>
    public bool Unresolved { get; init; }

    /// <summary>A second place the problem involves (the first definition of a duplicate key).</summary>
    public SourceSpan? Related { get; init; }

    /// <summary>A problem found while loading a bibliography file (syntax error, duplicate key, …).</summary>
    public static CiteDiagnostic From(CatalogDiagnostic d) =>
        new(d.Code, d.Severity switch
        {
            Bibliography.Severity.Error => DiagnosticLevel.Error,
            Bibliography.Severity.Warning => DiagnosticLevel.Warning,
            _ => DiagnosticLevel.Information,
        }, d.Message, d.Span) { Related = d.Related };
}
