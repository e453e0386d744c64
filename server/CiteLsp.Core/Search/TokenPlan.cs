namespace CiteLsp.Core.Search;

/// <summary>What one query token matches: dictionary terms and whole keys, each with a quality; built before any posting is read.</summary>
internal sealed class TokenPlan(string token)
{
    public string Token { get; } = token;
    public List<(int Term, float Quality)> Terms { get; } = [];
    public List<(int Entry, float Quality)> Keys { get; } = [];
    /// <summary>True when some term or key starts with the token (then no split into two prefixes is tried).</summary>
    public bool HasPrefixMatch { get; set; }
    /// <summary>Postings to read: the evaluation order puts cheap, selective tokens first.</summary>
    public long Cost { get; set; }
}
