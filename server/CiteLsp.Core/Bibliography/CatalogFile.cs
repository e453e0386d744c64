using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography;

/// <summary>The result of parsing one catalog file: its entries (in file order), its problems, and its line map.</summary>
public sealed record CatalogFile(string Path, string Format, IReadOnlyList<Entry> Entries, IReadOnlyList<CatalogDiagnostic> Diagnostics, LineIndex Lines)
{
    /// <summary>For BibTeX files: what a re-parse of the next version needs to re-scan only the changed part.</summary>
    internal Bibtex.BibtexState? Bibtex { get; init; }

    /// <summary>Read from the warm-start cache: entries lack raw fields and abstracts until the file is parsed again.</summary>
    public bool FromCache { get; init; }
}
