using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>Caller-supplied ranking adjustments; the index itself stays immutable and shared.</summary>
public sealed record SearchOptions
{
    /// <summary>Added to the score of every candidate (e.g. +0.01 for entries of the document's own bibliography,
    /// -100 for keys already cited in the command). Called once per matching entry, and for every entry on an empty query.</summary>
    public Func<Entry, double>? Boost { get; init; }

    /// <summary>Recently cited keys → recency rank (0 = most recent). They lead an empty query and get a small bonus otherwise.</summary>
    public IReadOnlyDictionary<string, int>? RecentKeys { get; init; }
}
