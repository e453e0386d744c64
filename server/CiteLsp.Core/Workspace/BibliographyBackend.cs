namespace CiteLsp.Core.Workspace;

/// <summary>
/// The program that will resolve the document's keys. It matters for key matching: classic BibTeX
/// matches keys case-insensitively (with a warning), biber and pandoc match them exactly.
/// </summary>
public enum BibliographyBackend
{
    Bibtex,
    Biber,
    Pandoc,
}
