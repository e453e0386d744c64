using CiteLsp.Core.Bibliography;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// The catalogs one document sees. <see cref="Bibliography"/> is what its compiler will see; <see cref="Library"/>
/// is everything else the writer owns. Keys resolve against the bibliography when the document declares one,
/// else against the library (see <see cref="ResolutionCatalog"/>).
/// </summary>
internal sealed record DocumentCatalogView(IReadOnlyList<CatalogSource> Sources, Catalog Bibliography, Catalog Library)
{
    public bool DeclaresBibliography => Sources.Any(s => s.Role == CatalogRole.Bibliography);

    /// <summary>Where a cited key must be found for the document to compile (what diagnostics check).</summary>
    public Catalog ResolutionCatalog => DeclaresBibliography ? Bibliography : Library;
}
