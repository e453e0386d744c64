using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Search;

/// <summary>Everything a <see cref="SearchIndex"/> is made of. Postings, the key table and the per-entry arrays use
/// internal entry ids: positions in <see cref="Entries"/> after a full build; after an update, ids of the base build
/// (the first <see cref="BaseIds"/>, some tombstoned) followed by the delta's, mapped to positions by <see cref="IdOf"/> / <see cref="PositionOf"/>.</summary>
internal sealed record IndexLayout(
    IReadOnlyList<Entry> Entries,
    IReadOnlyList<Entry> ById,
    int[]? IdOf,
    int[]? PositionOf,
    LiveTerms Terms,
    KeyTable Keys,
    int[] Years,
    bool IndexAbstracts,
    int BaseIds)
{
        /// <summary>Size of the internal id space (score maps are this big).</summary>
    public int IdCount => ById.Count;

    public int IdAt(int position) => IdOf?[position] ?? position;

    public static int[] YearsOf(IReadOnlyList<Entry> entries)
    {
        var years = new int[entries.Count];
        for (var e = 0; e < years.Length; e++) years[e] = entries[e].Year ?? int.MinValue;
        return years;
    }
}
