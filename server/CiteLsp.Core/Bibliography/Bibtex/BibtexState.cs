using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// What a BibTeX parse keeps so that the next version of the file can be re-scanned only where it changed:
/// the text (as the version its entries read), the command journal, the scanner's diagnostics (file order), the
/// final macros and whether the file is simple enough for that (no macro used before its definition), and the keys
/// other entries link to.
/// Diagnostics past the journal's last row come from the passes after the scan (aliases, inheritance).
/// <see cref="KeyHashes"/> has one per entry; <see cref="Hops"/> counts the versions handed over since every entry
/// was last pointed at the newest text.
/// </summary>
internal sealed record BibtexState(
    BibText Source,
    BibJournal Journal,
    IReadOnlyList<CatalogDiagnostic> Diagnostics,
    IReadOnlyDictionary<string, string> Macros,
    int LastStringAt,
    ulong MacroSeed,
    bool Reusable,
    IReadOnlySet<string> LinkTargets,
    int[] KeyHashes,
    int Hops = 0)
{
    public string Text => Source.Text;

    /// <summary>Per entry, a hash of its key as bibtex compares keys: a new key is checked against 100k old ones in a blink.</summary>
    public static int KeyHash(string key) => string.GetHashCode(key, StringComparison.OrdinalIgnoreCase);
}
