namespace CiteLsp.Tests;

/// <summary>Test input markup: "$0" marks the cursor, "[|…|]" marks expected ranges (in order, not nested).</summary>
public sealed record Markup(string Text, int? Cursor, IReadOnlyList<(int Start, int Length)> Ranges)
{
    public static Markup Parse(string marked)
    {
        var text = new System.Text.StringBuilder(marked.Length);
        int? cursor = null;
        var ranges = new List<(int, int)>();
        var open = -1;
        for (var i = 0; i < marked.Length; i++)
        {
            if (string.CompareOrdinal(marked, i, "$0", 0, 2) == 0) { cursor = text.Length; i++; }
            else if (string.CompareOrdinal(marked, i, "[|", 0, 2) == 0) { open = text.Length; i++; }
            else if (string.CompareOrdinal(marked, i, "|]", 0, 2) == 0 && open >= 0) { ranges.Add((open, text.Length - open)); open = -1; i++; }
            else text.Append(marked[i]);
        }
        return new Markup(text.ToString(), cursor, ranges);
    }

    /// <summary>The marked substrings, for readable assertion messages.</summary>
    public IReadOnlyList<string> RangeTexts => Ranges.Select(r => Text.Substring(r.Start, r.Length)).ToList();
}
