using CiteLsp.Core.Text;

namespace CiteLsp.Core.Search;

/// <summary>A folded word of a displayed field with the original offset of each folded character, so a match on
/// folded text maps back to UTF-16 ranges of the original ("Gödel": folded "godel", 'o' ← offset 1).</summary>
internal sealed record FoldedWord(string Folded, int[] Map)
{
    /// <summary>Original range covering folded characters [start, start + length).</summary>
    public (int Start, int Length) Range(int start, int length) => (Map[start], Map[start + length - 1] + 1 - Map[start]);

    /// <summary>Words of <paramref name="text"/>, plus camelCase/letter-digit parts and hyphen compounds (as the index has them).</summary>
    public static List<FoldedWord> Split(string text)
    {
        var words = new List<FoldedWord>();
        var compound = new List<FoldedWord>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            var word = Fold(text, start, i);
            if (word.Folded.Length == 0) continue;
            words.Add(word);
            AddParts(text, start, i, words);
            compound.Add(word);
            var hyphenContinues = i + 1 < text.Length && text[i] is '-' or '\u2010' && IsWordChar(text[i + 1]);
            if (hyphenContinues) continue;
            if (compound.Count > 1)
                words.Add(new FoldedWord(string.Concat(compound.Select(w => w.Folded)), compound.SelectMany(w => w.Map).ToArray()));
            compound.Clear();
        }
        return words;
    }

    /// <summary>The whole text folded to letters and digits only (how the key table stores keys).</summary>
    public static FoldedWord Whole(string text)
    {
        var parts = new List<FoldedWord>();
        var i = 0;
        while (i < text.Length)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            var start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            parts.Add(Fold(text, start, i));
        }
        return new FoldedWord(string.Concat(parts.Select(w => w.Folded)), parts.SelectMany(w => w.Map).ToArray());
    }

    private static bool IsWordChar(char c) => TermSplitter.IsWordChar(c) || c is >= '\u0300' and <= '\u036F';

    private static void AddParts(string text, int start, int end, List<FoldedWord> words)
    {
        var partStart = start;
        for (var j = start + 1; j < end; j++)
        {
            var boundary = char.IsDigit(text[j - 1]) != char.IsDigit(text[j]) || char.IsLower(text[j - 1]) && char.IsUpper(text[j]);
            if (!boundary) continue;
            words.Add(Fold(text, partStart, j));
            partStart = j;
        }
        if (partStart > start) words.Add(Fold(text, partStart, end));
    }

    private static FoldedWord Fold(string text, int start, int end)
    {
        var folded = new System.Text.StringBuilder(end - start);
        var map = new List<int>(end - start);
        for (var j = start; j < end; j++)
        {
            var c = text[j];
            var f = c < 128 ? char.ToLowerInvariant(c).ToString() : TextFolding.Fold(c.ToString());
            foreach (var fc in f) { folded.Append(fc); map.Add(j); }
        }
        return new FoldedWord(folded.ToString(), map.ToArray());
    }
}
