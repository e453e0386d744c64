namespace CiteLsp.Core.Search;

/// <summary>The terms a query sees: a base dictionary, minus the postings of tombstoned entries, plus a small delta
/// dictionary over entries indexed since (its term ids follow the base's). After <see cref="SearchIndex.Update"/> this
/// stands for the dictionary a full build would have made: same live terms, same live posting counts.</summary>
internal sealed class LiveTerms
{
    private readonly Dictionary<int, int>? _deadPostings;

    public TermDictionary Base { get; }
    public TermDictionary? Delta { get; }
    /// <summary>Per internal entry id: true when tombstoned (only base entries can be); null when none is.</summary>
    public bool[]? DeadEntries { get; }

    public LiveTerms(TermDictionary @base, TermDictionary? delta = null, Dictionary<int, int>? deadPostings = null, bool[]? deadEntries = null)
    {
        Base = @base; Delta = delta;
        _deadPostings = deadPostings is { Count: > 0 } ? deadPostings : null;
        DeadEntries = deadEntries;
    }

    public int BaseCount => Base.Terms.Length;

    public int Count => BaseCount + (Delta?.Terms.Length ?? 0);

    /// <summary>Base term → how many of its postings belong to tombstoned entries (for persistence).</summary>
    public IReadOnlyDictionary<int, int> DeadPostings => _deadPostings ?? [];

    /// <summary>Postings of live entries: what a full build would count.</summary>
    public int PostingCount(int term) => term < BaseCount
        ? Base.PostingCount(term) - (_deadPostings?.GetValueOrDefault(term) ?? 0)
        : Delta!.PostingCount(term - BaseCount);

    /// <summary>A base term all of whose postings are tombstoned does not exist for a full build.</summary>
    public bool IsLiveBase(int term) => _deadPostings is null || Base.PostingCount(term) > _deadPostings.GetValueOrDefault(term);

    /// <summary>The most one posting of the term can score per unit of match quality (tombstones only lower it).</summary>
    public float MaxWeight(int term) => FieldWeights.Of[term < BaseCount ? Base.Heaviest[term] : Delta!.Heaviest[term - BaseCount]];

    public string TermAt(int term) => term < BaseCount ? Base.Terms[term] : Delta!.Terms[term - BaseCount];

    /// <summary>Raw postings: base ones may name tombstoned entries (see <see cref="MayHoldDead"/>).</summary>
    public ReadOnlySpan<int> PostingsOf(int term) => term < BaseCount ? Base.PostingsOf(term) : Delta!.PostingsOf(term - BaseCount);

    public bool MayHoldDead(int term) => _deadPostings is not null && term < BaseCount && _deadPostings.ContainsKey(term);
}
