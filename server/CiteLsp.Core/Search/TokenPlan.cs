namespace CiteLsp.Core.Search;

/// <summary>What one query token matches: dictionary terms and whole keys, each with a quality; built before any posting is read.</summary>
internal sealed class TokenPlan(string token)
{
    public string Token { get; } = token;
    public List<(int Term, float Quality)> Terms { get; } = [];
    public List<(int Entry, float Quality)> Keys { get; } = [];
    /// <summary>True when some term or key starts with the token.</summary>
    public bool HasPrefixMatch { get; set; }
    /// <summary>True when some whole term is within the typo budget.</summary>
    public bool HasTypoMatch { get; set; }
    /// <summary>The costly fallbacks (key subsequences, two prefixes run together) only run when nothing better matched.</summary>
    public bool NeedsFallback => !HasPrefixMatch && !HasTypoMatch;
    /// <summary>"kapdoub": try every cut into two word prefixes of at least 3 letters.</summary>
    public bool TriesSplits => NeedsFallback && Token.Length >= 6 && Token.All(char.IsLetter);
    /// <summary>Postings to read: the evaluation order puts cheap, selective tokens first.</summary>
    public long Cost { get; set; }
}
