namespace CiteLsp.Tests.Search;

/// <summary>Test markup: "[|Deep|] Double" → text "Deep Double" and the expected range (0, 4).</summary>
internal static class Markup
{
    public static (string Text, List<(int Start, int Length)> Ranges) Parse(string marked)
    {
        var text = new System.Text.StringBuilder();
        var ranges = new List<(int, int)>();
        var start = -1;
        for (var i = 0; i < marked.Length; i++)
        {
            if (marked.AsSpan(i).StartsWith("[|")) { start = text.Length; i++; continue; }
            if (marked.AsSpan(i).StartsWith("|]")) { ranges.Add((start, text.Length - start)); i++; continue; }
            text.Append(marked[i]);
        }
        return (text.ToString(), ranges);
    }
}
