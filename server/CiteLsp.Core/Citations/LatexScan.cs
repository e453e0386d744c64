namespace CiteLsp.Core.Citations;

/// <summary>
/// Everything one pass over a LaTeX file finds: citations (ordered, non-overlapping), whether
/// \nocite{*} appears, \bibitem keys, filecontents bodies, file/bibliography commands, the
/// "% !TEX root" target, whether it has a document environment, and cite wrappers it defines.
/// </summary>
public sealed record LatexScan(
    IReadOnlyList<Citation> Citations,
    bool CitesAll,
    IReadOnlyList<InlineKey> BibItems,
    IReadOnlyList<EmbeddedFile> EmbeddedFiles,
    IReadOnlyList<LatexReference> References,
    string? MagicRoot,
    bool HasDocument,
    IReadOnlyList<CiteWrapper> Wrappers);
