using CiteLsp.Core.Citations;

namespace CiteLsp.Core.Workspace;

/// <summary>
/// What resolves a document's citations. Root: the document the compiler runs on. Sources: declared
/// bibliography files (deduplicated, in declaration order). InlineKeys: \bibitem keys (LaTeX) or
/// link-definition aliases (Manubot). EmbeddedBibs: filecontents .bib bodies. FrontMatter: the
/// Markdown YAML (its references: list is CSL-YAML when HasInlineReferences). ProjectFiles: every
/// file of the project reached from Root. Wrappers: cite wrappers defined anywhere in the project
/// (pass them to LatexCitationScanner when scanning any of its files).
/// </summary>
public sealed record DocumentBibliography(
    string Document,
    string Root,
    DocumentSyntax Syntax,
    BibliographyBackend Backend,
    IReadOnlyList<BibliographySource> Sources,
    IReadOnlyList<InlineKey> InlineKeys,
    IReadOnlyList<EmbeddedBibliography> EmbeddedBibs,
    FrontMatter? FrontMatter,
    bool HasInlineReferences,
    bool CitesAll,
    IReadOnlyList<string> ProjectFiles,
    IReadOnlyList<CiteWrapper> Wrappers)
{
    /// <summary>True when the document declares where its keys come from (files, \bibitem, filecontents, references:); Manubot aliases alone do not.</summary>
    public bool DeclaresBibliography =>
        Sources.Count > 0 || EmbeddedBibs.Count > 0 || HasInlineReferences || (Syntax == DocumentSyntax.Latex && InlineKeys.Count > 0);
}
