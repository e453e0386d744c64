namespace CiteLsp.Core.Search;

/// <summary>How well one query token matches one term, before the field weight: exact above prefix above typo above subsequence.</summary>
internal static class MatchQuality
{
    public const float Exact = 1.0f;
    public const float TwoDigitYear = 0.9f;
    public const float Typo1 = 0.6f, Typo2 = 0.45f;
    public const float TypoPrefix1 = 0.5f, TypoPrefix2 = 0.38f;
    /// <summary>"kapdoub": the token is two word prefixes run together (kap|lun + doub|le).</summary>
    public const float Split = 0.55f;

    /// <summary>0.7 … 0.9: longer prefixes of shorter words are better.</summary>
    public static float Prefix(int tokenLength, int termLength) =>
        tokenLength == termLength ? Exact : 0.7f + 0.2f * tokenLength / termLength;

    public static float KeyPrefix(int tokenLength, int keyLength) =>
        tokenLength == keyLength ? Exact : 0.75f + 0.2f * tokenLength / keyLength;

    public static float Subsequence(double fzf) => 0.2f + 0.35f * (float)fzf;

    public static float KeySubsequence(double fzf) => 0.25f + 0.4f * (float)fzf;

    public static float Typo(int edits, bool prefix) => prefix ? (edits == 1 ? TypoPrefix1 : TypoPrefix2) : (edits == 1 ? Typo1 : Typo2);
}
