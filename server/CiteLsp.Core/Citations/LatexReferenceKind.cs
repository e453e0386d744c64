namespace CiteLsp.Core.Citations;

/// <summary>LaTeX commands that name other files or set up the bibliography.</summary>
public enum LatexReferenceKind
{
    Bibliography,
    AddBibResource,
    AddGlobalBib,
    BibliographyStyle,
    Input,
    Include,
    Subfile,
    Import,
    SubImport,
    UsePackage,
    DocumentClass,
}
