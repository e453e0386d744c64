using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>A ranked result: the entry, its score (higher is better) and matched character ranges per field.</summary>
public sealed record SearchHit(Entry Entry, double Score, IReadOnlyList<FieldMatch> Matches);

/// <summary>Characters [Start, Start+Length) of the named field ("key", "title", "author", …) matched the query.</summary>
public readonly record struct FieldMatch(string Field, int Start, int Length);
