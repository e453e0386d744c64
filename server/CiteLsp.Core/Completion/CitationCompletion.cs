using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Search;

namespace CiteLsp.Core.Completion;

/// <summary>
/// Ranks the keys offered at a citation: the fuzzy ranker's order over the document's bibliography and the
/// library merged so that bibliography entries win at comparable quality while a clearly better library match
/// still comes first; keys already cited in the same command go last; an empty query lists recent keys first.
/// </summary>
public static class CitationCompletion
{
    /// <summary>A library hit must score this many times a bibliography hit's score to rank above it.</summary>
    public const double BibliographyPreference = 1.25;

    public static IReadOnlyList<CompletionCandidate> Rank(
        string query, IReadOnlyCollection<string> citedInCommand, IReadOnlyDictionary<string, int> recentKeys,
        CompletionSources sources, int limit, CancellationToken ct = default)
    {
        if (limit <= 0) return [];
        var wanted = limit + citedInCommand.Count;
        var fromBibliography = sources.BibliographyIndex.Search(query, wanted, null, ct);
        var fromLibrary = LibraryHits(query, wanted, sources, ct);

        var merged = new List<CompletionCandidate>(wanted);
        // Empty query: recently cited keys lead (looked up directly: ranking every entry by recency costs ~50 ms at 100k).
        if (query.Trim().Length == 0)
            foreach (var key in recentKeys.OrderBy(r => r.Value).Select(r => r.Key).Take(wanted))
            {
                if (sources.Bibliography.Find(key) is { } b) merged.Add(new(b, EntryOrigin.Bibliography, 0, citedInCommand.Contains(key)));
                else if (sources.Library.Find(key) is { } l) merged.Add(new(l, EntryOrigin.Library, 0, citedInCommand.Contains(key)));
            }
        var seen = new HashSet<string>(merged.Select(c => c.Entry.Key), StringComparer.Ordinal);
        int bi = 0, li = 0;
        while (bi < fromBibliography.Count || li < fromLibrary.Count)
        {
            var takeBibliography = li == fromLibrary.Count
                || (bi < fromBibliography.Count && Preferred(fromBibliography[bi].Score) >= fromLibrary[li].Score);
            var hit = takeBibliography ? fromBibliography[bi++] : fromLibrary[li++];
            if (seen.Add(hit.Entry.Key))
                merged.Add(new CompletionCandidate(hit.Entry, takeBibliography ? EntryOrigin.Bibliography : EntryOrigin.Library,
                    hit.Score, citedInCommand.Contains(hit.Entry.Key)));
        }
        // Stable: already-cited keys keep their relative order, after everything else.
        return merged.OrderBy(c => c.CitedInCommand).Take(limit).ToList();
    }

    /// <summary>Recency of the keys a document cites: the nearest citation to the cursor first.</summary>
    public static IReadOnlyDictionary<string, int> RecentKeys(IEnumerable<Citation> citations, int offset)
    {
        var recent = new Dictionary<string, int>(StringComparer.Ordinal);
        var byDistance = citations.OrderBy(c => Math.Abs(c.KeySpan.Start - offset)).ThenBy(c => c.KeySpan.Start);
        foreach (var c in byDistance) recent.TryAdd(c.Key, recent.Count);
        return recent;
    }

    /// <summary>Bibliography scores get a margin (positive scores) so near-ties go to the bibliography.</summary>
    private static double Preferred(double score) => score > 0 ? score * BibliographyPreference : score;

    /// <summary>Library hits whose key the bibliography lacks; asks for more when many are duplicates.</summary>
    private static List<SearchHit> LibraryHits(string query, int wanted, CompletionSources sources, CancellationToken ct)
    {
        for (var ask = wanted; ; ask *= 4)
        {
            var hits = sources.LibraryIndex.Search(query, ask, null, ct);
            var kept = hits.Where(h => sources.Bibliography.Find(h.Entry.Key) is null).ToList();
            if (kept.Count >= wanted || hits.Count < ask || ask >= sources.Library.Count) return kept.Take(wanted).ToList();
        }
    }
}
