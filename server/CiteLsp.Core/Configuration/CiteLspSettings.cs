namespace CiteLsp.Core.Configuration;

/// <summary>
/// The user's <c>citelsp.*</c> settings with their documented defaults (README, CONTRACTS.md).
/// Parsing from the editor's JSON lives in the server; everything downstream sees only this record.
/// </summary>
public sealed record CiteLspSettings
{
    public static readonly CiteLspSettings Default = new();

    /// <summary>Extra bibliography files or globs every document's compiler sees.</summary>
    public IReadOnlyList<string> Bibliography { get; init; } = [];
    /// <summary>Library files (e.g. a Zotero export): offered in completion, not part of any bibliography.</summary>
    public IReadOnlyList<string> Library { get; init; } = [];
    public bool SeedsEnabled { get; init; } = true;
    public int CompletionLimit { get; init; } = 50;
    public bool CompletionAddToBibliography { get; init; } = true;
    public bool DiagnosticsEnabled { get; init; } = true;
    public DiagnosticLevel DiagnosticsSeverity { get; init; } = DiagnosticLevel.Warning;
    public bool InlayHintsEnabled { get; init; }
    /// <summary>Extra LaTeX cite command names, without the backslash.</summary>
    public IReadOnlyList<string> LatexCitationCommands { get; init; } = [];
    public double MaxCatalogSizeMB { get; init; } = 1024;
    public double MaxDocumentSizeMB { get; init; } = 16;
    /// <summary>BibTeX files from this size on keep lean entries that read raw fields and abstracts from the file when asked.</summary>
    public double FieldsOnDiskAboveMB { get; init; } = global::CiteLsp.Core.Bibliography.CatalogLoader.DefaultFieldsOnDiskAbove / (1024 * 1024);

    public long MaxCatalogBytes => (long)(MaxCatalogSizeMB * 1024 * 1024);
    public long MaxDocumentBytes => (long)(MaxDocumentSizeMB * 1024 * 1024);
    public long FieldsOnDiskAboveBytes => (long)(FieldsOnDiskAboveMB * 1024 * 1024);
}
