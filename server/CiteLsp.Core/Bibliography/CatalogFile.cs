using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography;

/// <summary>The result of parsing one catalog file: its entries (in file order), its problems, and its line map.</summary>
public sealed record CatalogFile(string Path, string Format, IReadOnlyList<Entry> Entries, IReadOnlyList<CatalogDiagnostic> Diagnostics, LineIndex Lines)
{
    /// <summary>For BibTeX files: what a re-parse of the next version needs to re-scan only the changed part.</summary>
    internal Bibtex.BibtexState? Bibtex { get; init; }

    /// <summary>Read from the warm-start cache: entries lack raw fields and abstracts until the file is parsed again
    /// (unless they are read from the file on demand: <see cref="FieldsOnDisk"/>).</summary>
    public bool FromCache { get; init; }

    /// <summary>A library too big to keep its text: entries read raw fields and abstracts from the file when asked.</summary>
    public bool FieldsOnDisk => OnDisk is not null;

    internal Bibtex.BibDiskFields? OnDisk { get; init; }

    /// <summary>
    /// Fewer entries than the file's <paramref name="previous"/> parse and more errors: a file caught mid-write (or
    /// broken) rather than entries deleted, so the previous entries are better served meanwhile.
    /// </summary>
    public bool LooksCutShortAfter(CatalogFile previous) =>
        Entries.Count < previous.Entries.Count && Errors(this) > Errors(previous);

    private static int Errors(CatalogFile file) => file.Diagnostics.Count(d => d.Severity == Severity.Error);
}
