using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Seeds;

/// <summary>A non-blank line of a seed file with its position (BOM and CR stripped).</summary>
internal readonly record struct SeedLine(int Number, int Start, string Text)
{
    public static List<SeedLine> Read(string text)
    {
        var lines = new List<SeedLine>();
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        var number = 0;
        while (start <= text.Length)
        {
            var end = text.IndexOf('\n', start);
            if (end < 0) end = text.Length;
            var line = text[start..end].TrimEnd('\r');
            if (line.Trim().Length > 0) lines.Add(new SeedLine(number, start, line.Trim()));
            number++;
            start = end + 1;
        }
        return lines;
    }

    public SourceSpan Span(string path) => new(path, Start, Text.Length);
}
