using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>Which characters of the displayed fields matched, for the few hits returned (the index itself keeps no offsets).
/// Per token: prefix matches if any, else typo and subsequence matches, else the two halves of a split token.</summary>
internal static class MatchHighlighter
{
    private static readonly string[] FieldNames = ["key", "title", "author", "year", "venue"];

    /// <summary>The "author" field's displayed text: "Given Family, Given Family".</summary>
    public static string AuthorsText(Entry e) => string.Join(", ", e.Authors.Select(a => a.DisplayName));

    public static IReadOnlyList<FieldMatch> Find(Entry entry, IReadOnlyList<string> tokens)
    {
        string[] texts = [entry.Key, entry.Title, AuthorsText(entry), entry.Year?.ToString() ?? "", entry.Venue ?? ""];
        var words = texts.Select(FoldedWord.Split).ToArray();
        var key = FoldedWord.Whole(entry.Key);
        var found = new List<(int Field, int Start, int Length)>();
        foreach (var token in tokens)
        {
            if (Prefixes(token, words, key, found)) continue;
            if (Fuzzy(token, words, key, found)) continue;
            for (var cut = 3; cut <= token.Length - 3; cut++)
            {
                var halves = new List<(int, int, int)>();
                if (Prefixes(token[..cut], words, null, halves) && Prefixes(token[cut..], words, null, halves)) { found.AddRange(halves); break; }
            }
        }
        return Merge(found);
    }

    private static bool Prefixes(string token, List<FoldedWord>[] words, FoldedWord? key, List<(int, int, int)> found)
    {
        var before = found.Count;
        if (key is not null && key.Folded.StartsWith(token, StringComparison.Ordinal)) Add(found, 0, key.Range(0, token.Length));
        for (var f = 0; f < words.Length; f++)
            foreach (var w in words[f])
            {
                if (w.Folded.StartsWith(token, StringComparison.Ordinal)) Add(found, f, w.Range(0, token.Length));
                else if (f == 3 && token.Length == 2 && w.Folded.Length == 4 && w.Folded.EndsWith(token, StringComparison.Ordinal)) Add(found, f, w.Range(2, 2));
            }
        return found.Count > before;
    }

    private static bool Fuzzy(string token, List<FoldedWord>[] words, FoldedWord key, List<(int, int, int)> found)
    {
        var before = found.Count;
        var budget = EditDistance.Budget(token.Length);
        Span<int> positions = stackalloc int[Math.Min(token.Length, 256)];
        for (var f = 0; f < words.Length; f++)
            foreach (var w in words[f])
            {
                if (budget > 0 && EditDistance.Osa(token, w.Folded, budget) <= budget) Add(found, f, w.Range(0, w.Folded.Length));
                else if (budget > 0 && w.Folded.Length > token.Length && EditDistance.Osa(token, w.Folded, budget, prefixOfB: true) <= budget)
                    Add(found, f, w.Range(0, token.Length));
                else if (token.Length >= 3 && token.Length <= positions.Length && w.Folded.Length > 0 && w.Folded[0] == token[0])
                    AddSubsequence(found, f, w, token, positions);
            }
        if (token.Length >= 3 && token.Length <= positions.Length && key.Folded.Length > 0 && key.Folded[0] == token[0])
            AddSubsequence(found, 0, key, token, positions);
        return found.Count > before;
    }

    private static void AddSubsequence(List<(int, int, int)> found, int field, FoldedWord w, string token, Span<int> positions)
    {
        if (Subsequence.Score(w.Folded, default, token, positions) < 0) return;
        for (var k = 0; k < token.Length; k++) Add(found, field, w.Range(positions[k], 1));
    }

    private static void Add(List<(int, int, int)> found, int field, (int Start, int Length) range) => found.Add((field, range.Start, range.Length));

    private static List<FieldMatch> Merge(List<(int Field, int Start, int Length)> found)
    {
        var merged = new List<FieldMatch>();
        foreach (var (field, start, length) in found.OrderBy(m => m.Field).ThenBy(m => m.Start))
        {
            var name = FieldNames[field];
            if (merged.Count > 0 && merged[^1] is var last && last.Field == name && start <= last.Start + last.Length)
                merged[^1] = last with { Length = Math.Max(last.Length, start + length - last.Start) };
            else merged.Add(new FieldMatch(name, start, length));
        }
        return merged;
    }
}
