using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Edits;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Navigation;

/// <summary>
/// Renames a key everywhere at once: its definition in the bibliography file(s) and every citation of it,
/// refusing a name that is not a valid key or that another entry already uses (ignoring case, as bibtex does).
/// </summary>
public static class RenamePlanner
{
    /// <summary>Characters that end a key in LaTeX or BibTeX, or need quoting in Pandoc.</summary>
    private static readonly char[] Forbidden = [',', '{', '}', '(', ')', '%', '#', '~', '\\', '"', '\'', '=', ';', '[', ']', '@'];

    public static string? Validate(string newKey, string oldKey, Catalog bibliography)
    {
        if (newKey.Length == 0) return "the new key is empty";
        if (newKey.Any(char.IsWhiteSpace) || newKey.IndexOfAny(Forbidden) >= 0)
            return $"`{newKey}` is not a valid citation key (no spaces or any of {new string(Forbidden)})";
        if (bibliography.FindIgnoreCase(newKey) is { } clash && !string.Equals(clash.Key, oldKey, StringComparison.OrdinalIgnoreCase))
            return $"`{newKey}` is already used by {clash.Key} in {Path.GetFileName(clash.Location.Path)}";
        return null;
    }

    /// <summary>
    /// One edit per definition and per citation of the key (letter-case variants included: the caller passes only
    /// those that refer to this entry), grouped by file in order of first appearance.
    /// </summary>
    public static IReadOnlyList<FileEdit> Plan(string oldKey, string newKey, IEnumerable<SourceSpan> definitions, IEnumerable<Citation> citations)
    {
        var spans = definitions.Concat(citations.Where(c => string.Equals(c.Key, oldKey, StringComparison.OrdinalIgnoreCase)).Select(c => c.KeySpan));
        return spans.Distinct()
            .GroupBy(s => s.Path, StringComparer.Ordinal)
            .Select(g => new FileEdit(g.Key, g.OrderBy(s => s.Start).Select(s => new TextEdit(s, newKey)).ToList()))
            .ToList();
    }

    /// <summary>Definitions that can be edited: entries of the key in real bibliography files (not generated seed keys).</summary>
    public static IReadOnlyList<SourceSpan> Definitions(string key, Catalog bibliography) =>
        bibliography.Files.SelectMany(f => f.Entries)
            .Where(e => e.Key == key && e.KeyLocation != e.Location && e.KeyLocation.Length == key.Length)
            .Select(e => e.KeyLocation)
            .ToList();
}
