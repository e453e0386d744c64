namespace CiteLsp.Core.Search;

/// <summary>Whole citation keys, folded to letters and digits ("Nakkiran:2019" → "nakkiran2019") and sorted,
/// for key-prefix and key-subsequence matching and for the alphabetical order of an empty query.</summary>
internal sealed class KeyTable(FoldedKeys folded, int[] entryIds, int[] ties)
{
    public FoldedKeys Folded { get; } = folded;
    /// <summary>Entry id of each sorted key.</summary>
    public int[] EntryIds { get; } = entryIds;
    /// <summary>Ascending indices i where Folded[i] equals Folded[i - 1] (rare): an update re-orders only those runs.</summary>
    public int[] Ties { get; } = ties;
}
