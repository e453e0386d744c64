using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Workspace;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// The catalogs one document sees. <see cref="Bibliography"/> is what its compiler will see; <see cref="Library"/>
/// is everything else the writer owns. Keys resolve against the bibliography when the document declares one,
/// else against the library (see <see cref="ResolutionCatalog"/>).
/// </summary>
/// <param name="Project">What the document declares (null when not a scanned document or not resolved yet): backend, \bibitem keys, wrappers.</param>
internal sealed record DocumentCatalogView(IReadOnlyList<CatalogSource> Sources, DocumentBibliography? Project, Catalog Bibliography, Catalog Library)
{
    /// <summary>Bibliography files (declared or from settings), \bibitem keys, filecontents or inline references:.</summary>
    public bool DeclaresBibliography => Sources.Any(s => s.Role == CatalogRole.Bibliography) || Project?.DeclaresBibliography == true;

    /// <summary>Where a cited key must be found for the document to compile (what diagnostics check).</summary>
    public Catalog ResolutionCatalog => DeclaresBibliography ? Bibliography : Library;
}
