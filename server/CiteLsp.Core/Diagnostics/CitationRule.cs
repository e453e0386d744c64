using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Configuration;
using CiteLsp.Core.Workspace;

namespace CiteLsp.Core.Diagnostics;

/// <summary>
/// Flags each cited key the compiler will not find (unresolved-citation), and keys that match only up to
/// letter case (citation-case-mismatch: a warning under bibtex, which accepts them; unresolved under biber/pandoc).
/// </summary>
public static class CitationRule
{
    public static IReadOnlyList<CiteDiagnostic> Check(IEnumerable<Citation> citations, ResolutionScope scope, DiagnosticLevel unresolved)
    {
        var result = new List<CiteDiagnostic>();
        foreach (var citation in citations)
            if (Check(citation, scope, unresolved) is { } d) result.Add(d);
        return result;
    }

    public static CiteDiagnostic? Check(Citation citation, ResolutionScope scope, DiagnosticLevel unresolved)
    {
        var key = citation.Key;
        if (key is "*" or "" || scope.Resolves(key)) return null;
        var where = Names(scope.ResolvingNames, scope.DeclaresBibliography);
        if (scope.Resolving.FindIgnoreCase(key) is { } near)
        {
            var message = scope.MatchesIgnoringCase
                ? $"`{key}` matches `{near.Key}` in {where} only up to letter case: bibtex accepts it with a warning, biber and pandoc do not"
                : $"`{key}` is not in {where}: {Tool(scope.Backend)} matches keys exactly, and the entry is `{near.Key}`";
            return new CiteDiagnostic(DiagnosticCodes.CaseMismatch, scope.MatchesIgnoringCase ? DiagnosticLevel.Warning : unresolved, message, citation.KeySpan)
            {
                Key = key, CaseMatch = near.Key, Unresolved = !scope.MatchesIgnoringCase,
            };
        }
        if (scope.DeclaresBibliography && scope.Library.Find(key) is { } inLibrary)
            return new CiteDiagnostic(DiagnosticCodes.UnresolvedCitation, unresolved,
                $"`{key}` is not in {where}; found in the library: {DisplayName(inLibrary.Location.Path)}", citation.KeySpan)
            {
                Key = key, LibraryPath = inLibrary.Location.Path, Unresolved = true,
            };
        var text = scope.DeclaresBibliography
            ? $"`{key}` is not in {where}"
            : $"`{key}` is not in the library ({where}); the document declares no bibliography";
        return new CiteDiagnostic(DiagnosticCodes.UnresolvedCitation, unresolved, text, citation.KeySpan) { Key = key, Unresolved = true };
    }

    private static string Tool(BibliographyBackend backend) => backend switch
    {
        BibliographyBackend.Biber => "biber",
        BibliographyBackend.Pandoc => "pandoc",
        _ => "bibtex",
    };

    /// <summary>"refs.bib", "a.bib, b.bib"; never empty, so a message always says where the server looked.</summary>
    private static string Names(IReadOnlyList<string> names, bool bibliography) =>
        names.Count == 0 ? (bibliography ? "the bibliography (no file loaded)" : "an empty library")
        : names.Count <= 3 ? string.Join(", ", names)
        : string.Join(", ", names.Take(3)) + $" and {names.Count - 3} more";

    /// <summary>The file name shown to the user: "zotero.bib", or "seed catalog" for embedded seeds.</summary>
    public static string DisplayName(string path) =>
        path.StartsWith("embedded:", StringComparison.Ordinal) ? "seed catalog" : Path.GetFileName(path);
}
