using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Workspace;

namespace CiteLsp.Core.Diagnostics;

/// <summary>
/// Where a document's keys must be found. <see cref="Bibliography"/> is what its compiler will see (empty when it
/// declares none; then keys resolve against the <see cref="Library"/>, as for a first draft). The names say where
/// the server looked, for messages. <see cref="DefinedKeys"/> are keys the document defines itself (\bibitem).
/// </summary>
public sealed record ResolutionScope(
    Catalog Bibliography,
    bool DeclaresBibliography,
    Catalog Library,
    BibliographyBackend Backend,
    IReadOnlyList<string> BibliographyNames,
    IReadOnlyList<string> LibraryNames)
{
    public IReadOnlySet<string> DefinedKeys { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The catalog a key must be in for the document to compile.</summary>
    public Catalog Resolving => DeclaresBibliography ? Bibliography : Library;

    public IReadOnlyList<string> ResolvingNames => DeclaresBibliography ? BibliographyNames : LibraryNames;

    /// <summary>Classic BibTeX matches keys ignoring case (with a warning); biber and pandoc match them exactly.</summary>
    public bool MatchesIgnoringCase => Backend == BibliographyBackend.Bibtex;

    public bool Resolves(string key) => DefinedKeys.Contains(key) || Resolving.Find(key) is not null;
}
