using System.Numerics;

namespace CiteLsp.Core.Search;

/// <summary>The inverted index: distinct folded terms sorted ordinally, each with its postings
/// (entry id &lt;&lt; 3 | <see cref="PostingField"/>, ascending by entry), a character mask and a by-length bucket for typo scans.</summary>
internal sealed class TermDictionary
{
    public const int MaxTypoLength = 40;

    public string[] Terms { get; }
    public ulong[] Masks { get; }
    public int[] PostStart { get; }
    public int[] Postings { get; }
    /// <summary>Term ids of each length up to <see cref="MaxTypoLength"/>.</summary>
    public int[][] ByLength { get; }
    /// <summary>Per term, the heaviest <see cref="PostingField"/> among its postings (lowest code): bounds what the term
    /// can add to any entry's score, so a query can stop once nothing left could reach its top hits.</summary>
    public byte[] Heaviest { get; }

    public TermDictionary(string[] terms, int[] postStart, int[] postings)
    {
        Terms = terms; PostStart = postStart; Postings = postings;
        Masks = new ulong[terms.Length];
        var lengths = new List<int>[MaxTypoLength + 1];
        for (var i = 0; i < lengths.Length; i++) lengths[i] = [];
        for (var t = 0; t < terms.Length; t++)
        {
            Masks[t] = Mask(terms[t]);
            if (terms[t].Length <= MaxTypoLength) lengths[terms[t].Length].Add(t);
        }
        ByLength = lengths.Select(l => l.ToArray()).ToArray();
        Heaviest = HeaviestFields(postStart, postings);
    }

    /// <summary>From parts already computed (read back from a cache).</summary>
    public TermDictionary(string[] terms, int[] postStart, int[] postings, ulong[] masks, int[][] byLength)
    {
        Terms = terms; PostStart = postStart; Postings = postings; Masks = masks; ByLength = byLength;
        Heaviest = HeaviestFields(postStart, postings);
    }

    private static byte[] HeaviestFields(int[] postStart, int[] postings)
    {
        var heaviest = new byte[postStart.Length - 1];
        for (var t = 0; t < heaviest.Length; t++)
        {
            var field = 7;
            for (var i = postStart[t]; i < postStart[t + 1] && field > 0; i++) field = Math.Min(field, postings[i] & 7);
            heaviest[t] = (byte)field;
        }
        return heaviest;
    }

    public int PostingCount(int term) => PostStart[term + 1] - PostStart[term];

    public ReadOnlySpan<int> PostingsOf(int term) => Postings.AsSpan(PostStart[term], PostingCount(term));

    /// <summary>One bit per letter/digit present (other characters share bit 63): a cheap lower bound for edit distance.</summary>
    public static ulong Mask(ReadOnlySpan<char> s)
    {
        ulong m = 0;
        foreach (var c in s)
            m |= c is >= 'a' and <= 'z' ? 1UL << (c - 'a') : c is >= '0' and <= '9' ? 1UL << (26 + c - '0') : 1UL << 63;
        return m;
    }

    /// <summary>Distinct characters of <paramref name="a"/> missing from <paramref name="b"/>: each edit explains at most one.</summary>
    public static int Missing(ulong a, ulong b) => BitOperations.PopCount(a & ~b);
}
