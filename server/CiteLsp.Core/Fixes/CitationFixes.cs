using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Diagnostics;
using CiteLsp.Core.Edits;

namespace CiteLsp.Core.Fixes;

/// <summary>
/// Quick fixes for a citation diagnostic: replace with the exact-case key or the closest keys (edit distance first,
/// then the fuzzy ranker's best matches for the typed key), add the entry from the library to the bibliography
/// file, remove the citation.
/// </summary>
public static class CitationFixes
{
    public static IReadOnlyList<CodeFix> For(CiteDiagnostic diagnostic, Citation citation, string documentText,
        IReadOnlyList<Citation> documentCitations, ResolutionScope scope, Func<BibliographyTarget?> target, Func<IEnumerable<string>>? rankedKeys = null)
    {
        var fixes = new List<CodeFix>();
        var replacements = new List<string>();
        if (diagnostic.CaseMatch is { } exact) replacements.Add(exact);
        replacements.AddRange(KeySuggester.Closest(citation.Key, scope.Resolving)
            .Where(k => !replacements.Contains(k)));
        // "vaswani2017" for "vaswani2017attention": too many edits apart, but the ranker finds it by prefix.
        // Asked only when edit distance found fewer than three: a ranker query costs more than the distance scan.
        if (replacements.Count < KeySuggester.DefaultLimit && rankedKeys is not null)
            replacements.AddRange(rankedKeys().Where(k => scope.Resolves(k) && k != citation.Key && !replacements.Contains(k)));
        foreach (var key in replacements.Take(KeySuggester.DefaultLimit))
            fixes.Add(new CodeFix($"Replace with `{key}`", [Replace(citation, key)], Preferred: key == diagnostic.CaseMatch));

        // The target's text is read only here: most diagnostics have no library entry to add.
        if (diagnostic.LibraryPath is not null && scope.Library.Find(citation.Key) is { } entry
            && target() is { } file && file.Append(entry) is { } add)
            fixes.Add(new CodeFix($"Add `{entry.Key}` to `{file.DisplayName}`", [add], Preferred: fixes.Count == 0));

        fixes.Add(new CodeFix("Remove citation", [CitationRemover.Remove(documentText, citation, documentCitations)]));
        return fixes;
    }

    private static FileEdit Replace(Citation citation, string key) =>
        new(citation.KeySpan.Path, [new TextEdit(citation.KeySpan, key)]);
}
