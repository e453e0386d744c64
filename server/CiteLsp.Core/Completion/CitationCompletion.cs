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
        var merged = new List<CompletionCandidate>(wanted);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(Entry entry, EntryOrigin origin, double score)
        {
            if (seen.Add(entry.Key)) merged.Add(new CompletionCandidate(entry, origin, score, citedInCommand.Contains(entry.Key)));
        }
        bool InBibliography(Entry e) => sources.Bibliography.Find(e.Key) is not null;

        if (query.Trim().Length == 0)
        {
            // Recently cited keys, then the document's own entries (file order), then the library (alphabetical).
            foreach (var key in recentKeys.OrderBy(r => r.Value).Select(r => r.Key).Take(wanted))
            {
                if (sources.Bibliography.Find(key) is { } b) Add(b, EntryOrigin.Bibliography, 0);
                else if (sources.Library.Find(key) is { } l) Add(l, EntryOrigin.Library, 0);
            }
            foreach (var e in sources.Bibliography.Entries.Take(wanted)) Add(e, EntryOrigin.Bibliography, 0);
            foreach (var h in sources.Index.Search("", wanted * 2, null, ct))
                if (!InBibliography(h.Entry)) Add(h.Entry, EntryOrigin.Library, 0);
        }
        else
        {
            // Twice as many as needed: the bibliography's preference may lift its hits above library ones ranked higher.
            var hits = sources.Index.Search(query, wanted * 2, null, ct);
            var fromBibliography = hits.Where(h => InBibliography(h.Entry)).ToList();
            var fromLibrary = hits.Where(h => !InBibliography(h.Entry)).ToList();
            int bi = 0, li = 0;
            while (bi < fromBibliography.Count || li < fromLibrary.Count)
            {
                var takeBibliography = li == fromLibrary.Count
                    || (bi < fromBibliography.Count && Preferred(fromBibliography[bi].Score) >= fromLibrary[li].Score);
                var hit = takeBibliography ? fromBibliography[bi++] : fromLibrary[li++];
                Add(hit.Entry, takeBibliography ? EntryOrigin.Bibliography : EntryOrigin.Library, hit.Score);
            }
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
}
