using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// What a BibTeX parse keeps so that the next version of the file can be re-scanned only where it changed:
/// the text, the command journal, the scanner's diagnostics (file order), the final macros and whether the
/// file is simple enough for that (no macro used before its definition), and the keys other entries link to.
/// Diagnostics past the journal's last row come from the passes after the scan (aliases, inheritance).
/// </summary>
internal sealed record BibtexState(
    string Text,
    BibJournal Journal,
    IReadOnlyList<CatalogDiagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Macros,
    int LastStringAt,
    ulong MacroSeed,
    bool Reusable,
    IReadOnlySet<string> LinkTargets);
