using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Rendering;
using CiteLsp.Core.Search;

namespace CiteLsp.Core.Hover;

/// <summary>
/// Hover on a cited key: the entry's reference card. A key the document's bibliography lacks says so, then
/// shows the library's entry when there is one, else the closest keys.
/// </summary>
public static class CitationHover
{
    private const int ClosestKeys = 3;

    /// <param name="resolution">Where the key must be found for the document to compile.</param>
    /// <param name="index">A search index covering <paramref name="resolution"/> (it may hold more), for the closest keys.</param>
    /// <param name="library">Everything else the writer owns (may be the same catalog).</param>
    public static HoverCard? Find(IReadOnlyList<Citation> citations, int offset, Catalog resolution, SearchIndex index, Catalog library)
    {
        var citation = At(citations, offset);
        if (citation is null) return null;
        var key = citation.Key;
        if (resolution.Find(key) is { } entry) return new HoverCard(citation.KeySpan, ReferenceCard.Markdown(entry));

        var code = Code(key);
        var message = $"Unresolved citation {code}: no such key in the bibliography.";
        if (library.Find(key) is { } fromLibrary && !ReferenceEquals(library, resolution))
            return new HoverCard(citation.KeySpan, $"{message} It is in your library:\n\n---\n\n{ReferenceCard.Markdown(fromLibrary)}");

        var near = new List<string>();
        if (resolution.FindIgnoreCase(key) is { } caseOnly) near.Add(caseOnly.Key);
        foreach (var hit in index.Search(key, 4 * ClosestKeys))
            if (resolution.Find(hit.Entry.Key) is not null && !near.Contains(hit.Entry.Key, StringComparer.Ordinal)) near.Add(hit.Entry.Key);
        var closest = near.Take(ClosestKeys).Select(k => $"{Code(k)} ({MarkdownWriter.Escape(ReferenceCard.ShortLabel(resolution.Find(k)!))})");
        var markdown = near.Count == 0 ? message : $"{message}\n\nClosest keys: {string.Join(", ", closest)}";
        return new HoverCard(citation.KeySpan, markdown);
    }

    /// <summary>Hover on an entry key in a bibliography file.</summary>
    public static HoverCard? FindInBibliography(CatalogFile file, int offset)
    {
        foreach (var e in file.Entries)
            if (e.KeyLocation.Length > 0 && e.KeyLocation != e.Location && e.KeyLocation.Contains(offset))
                return new HoverCard(e.KeyLocation, ReferenceCard.Markdown(e));
        return null;
    }

    /// <summary>The citation whose key span contains the offset (either end included).</summary>
    public static Citation? At(IReadOnlyList<Citation> citations, int offset)
    {
        int lo = 0, hi = citations.Count - 1;
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            var span = citations[mid].KeySpan;
            if (offset < span.Start) hi = mid - 1;
            else if (offset > span.End) lo = mid + 1;
            else return citations[mid];
        }
        return null;
    }

    private static string Code(string key) => "`" + key.Replace("`", "", StringComparison.Ordinal) + "`";
}
