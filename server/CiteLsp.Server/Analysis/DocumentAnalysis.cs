using CiteLsp.Core.Citations;
using CiteLsp.Core.Diagnostics;
using CiteLsp.Core.Text;
using CiteLsp.Core.Workspace;
using CiteLsp.Server.Catalogs;

namespace CiteLsp.Server.Analysis;

/// <summary>One document's citations, where they must resolve, and what does not (computed from one snapshot).</summary>
internal sealed record DocumentAnalysis(
    TextDocument Document,
    DocumentSyntax Syntax,
    IReadOnlyList<Citation> Citations,
    DocumentBibliography Project,
    DocumentCatalogView Catalogs,
    ResolutionScope Scope,
    IReadOnlyList<CiteDiagnostic> Diagnostics)
{
    /// <summary>The citation whose key contains the offset (its end included, where the cursor sits after typing).</summary>
    public Citation? CitationAt(int offset) => Citations.FirstOrDefault(c => c.KeySpan.Contains(offset));
}
