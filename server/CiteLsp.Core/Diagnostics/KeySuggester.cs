using System.Runtime.CompilerServices;
using CiteLsp.Core.Bibliography;
using Quickenshtein;

namespace CiteLsp.Core.Diagnostics;

/// <summary>
/// "Did you mean" for an unknown key: a key equal up to letter case first, then the smallest edit distance
/// (compared case-insensitively, so "Smith2020" and "smith2020" count as one typo apart from "smith2021").
/// </summary>
public static class KeySuggester
{
    public const int DefaultLimit = 3;

    private static readonly ConditionalWeakTable<Catalog, Dictionary<int, string[]>> KeysByLength = new();

    /// <summary>
    /// The closest keys of a catalog. Keys are visited nearest length first (cached per catalog), so the bound
    /// tightens early and the rest of a 100k-key catalog is rejected by its length alone.
    /// </summary>
    public static IReadOnlyList<string> Closest(string key, Catalog catalog, int limit = DefaultLimit)
    {
        var byLength = KeysByLength.GetValue(catalog, c => c.Entries.Select(e => e.Key).GroupBy(k => k.Length).ToDictionary(g => g.Key, g => g.ToArray()));
        return Closest(key, NearestLengthFirst(key.Length, byLength), limit);
    }

    private static IEnumerable<string> NearestLengthFirst(int length, Dictionary<int, string[]> byLength)
    {
        var longest = byLength.Count == 0 ? 0 : byLength.Keys.Max();
        for (var d = 0; length - d > 0 || length + d <= longest; d++)
        {
            if (byLength.TryGetValue(length - d, out var shorter)) foreach (var k in shorter) yield return k;
            if (d > 0 && byLength.TryGetValue(length + d, out var longer)) foreach (var k in longer) yield return k;
        }
    }

    public static IReadOnlyList<string> Closest(string key, IEnumerable<string> keys, int limit = DefaultLimit)
    {
        if (limit <= 0 || key.Length == 0) return [];
        var lowerKey = key.ToLowerInvariant();
        var maxDistance = MaxDistance(key.Length);
        // Kept sorted by (distance, key); the worst of the kept ones bounds the search.
        var best = new List<(int Distance, string Key)>(limit + 1);
        Span<char> lower = stackalloc char[256];
        Span<int> keyLetters = stackalloc int[128], letters = stackalloc int[128];
        foreach (var c in lowerKey) keyLetters[Math.Min(c, (char)127)]++;
        foreach (var candidate in keys)
        {
            if (candidate.Length == 0 || string.Equals(candidate, key, StringComparison.Ordinal)) continue;
            var bound = best.Count == limit ? best[^1].Distance : maxDistance;
            // The length difference is a lower bound of the distance: skip without computing it.
            if (Math.Abs(candidate.Length - key.Length) > bound) continue;
            if (LetterBound(lowerKey.Length, keyLetters, candidate, letters) > bound) continue;
            var distance = string.Equals(candidate, key, StringComparison.OrdinalIgnoreCase) ? 0
                : candidate.Length <= lower.Length
                    ? Levenshtein.GetDistance(lowerKey, lower[..candidate.AsSpan().ToLowerInvariant(lower)], CalculationOptions.Default)
                    : Levenshtein.GetDistance(lowerKey, candidate.ToLowerInvariant(), CalculationOptions.Default);
            if (distance > bound) continue;
            var at = best.FindIndex(b => b.Distance > distance
                || b.Distance == distance && string.CompareOrdinal(b.Key, candidate) > 0);
            best.Insert(at < 0 ? best.Count : at, (distance, candidate));
            if (best.Count > limit) best.RemoveAt(best.Count - 1);
        }
        return best.Select(b => b.Key).ToList();
    }

    /// <summary>
    /// A cheap lower bound of the edit distance from the letters the two keys do not share (each edit fixes at most
    /// one surplus and one missing letter), so most of a 100k-key catalog is skipped without a full comparison.
    /// </summary>
    private static int LetterBound(int keyLength, ReadOnlySpan<int> keyLetters, string candidate, Span<int> letters)
    {
        keyLetters.CopyTo(letters);
        var surplus = 0;
        foreach (var ch in candidate)
        {
            var c = Math.Min(char.ToLowerInvariant(ch), (char)127);
            if (letters[c] > 0) letters[c]--;
            else surplus++;
        }
        var missing = keyLength - (candidate.Length - surplus);
        return Math.Max(surplus, missing);
    }

    /// <summary>Beyond this many edits a suggestion is noise: a third of the key, at least 2 (a swap costs 2), at most 5.</summary>
    internal static int MaxDistance(int keyLength) => Math.Clamp(keyLength / 3, 2, 5);
}
