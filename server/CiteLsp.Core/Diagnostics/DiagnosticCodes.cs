namespace CiteLsp.Core.Diagnostics;

/// <summary>Stable diagnostic codes: clients, tests and `citelsp check --format json` match on them.</summary>
public static class DiagnosticCodes
{
    /// <summary>The document's resolving catalog lacks the cited key.</summary>
    public const string UnresolvedCitation = "unresolved-citation";

    /// <summary>The key matches an entry only up to letter case (bibtex accepts it, biber and pandoc do not).</summary>
    public const string CaseMismatch = "citation-case-mismatch";
}
