namespace CiteLsp.Core.Edits;

/// <summary>Inserted text follows the file's own line ending, so an edit never mixes \n into a CRLF file.</summary>
internal static class LineEndings
{
    public static string Detect(string text)
    {
        var at = text.IndexOf('\n');
        return at > 0 && text[at - 1] == '\r' ? "\r\n" : "\n";
    }

    public static string Convert(string lfText, string newLine) => newLine == "\n" ? lfText : lfText.Replace("\n", newLine);

    /// <summary>Offset just after the last non-whitespace character (0 for blank text).</summary>
    public static int ContentEnd(string text, int end)
    {
        while (end > 0 && char.IsWhiteSpace(text[end - 1])) end--;
        return end;
    }
}
