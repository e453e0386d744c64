using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Text;

namespace CiteLsp.Server.Protocol;

/// <summary>
/// The one place that converts UTF-16 offsets (what Core speaks) to LSP positions and back, counting
/// characters in the negotiated encoding. Columns count code units, never graphemes: a combining accent is
/// its own unit and a surrogate pair is 2 UTF-16 units, 4 UTF-8 units or 1 UTF-32 unit.
/// </summary>
internal sealed class PositionConverter(string encoding)
{
    public static readonly PositionConverter Utf16 = new(PositionEncoding.Utf16);

    public string Encoding { get; } = encoding;

    public Position ToPosition(string text, LineIndex lines, int offset)
    {
        var (line, column) = lines.GetPosition(offset);
        if (Encoding == PositionEncoding.Utf16) return new Position(line, column);
        var start = lines.LineStart(line);
        return new Position(line, Units(text.AsSpan(start, column)));
    }

    public Range ToRange(string text, LineIndex lines, int start, int length) =>
        new(ToPosition(text, lines, start), ToPosition(text, lines, start + length));

    public Position ToPosition(TextDocument document, int offset) => ToPosition(document.Text, document.Lines, offset);

    public Range ToRange(TextDocument document, int start, int length) => ToRange(document.Text, document.Lines, start, length);

    /// <summary>
    /// A position in a catalog file, which is not held in memory: for encodings other than UTF-16 the file is
    /// re-read (rare: only error locations go through here); if it changed meanwhile, UTF-16 columns are used.
    /// </summary>
    public Position ToPosition(CatalogFile file, int offset)
    {
        if (Encoding != PositionEncoding.Utf16)
        {
            try
            {
                var text = File.ReadAllText(file.Path);
                if (text.Length == file.Lines.TextLength) return ToPosition(text, file.Lines, offset);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { }
        }
        var (line, column) = file.Lines.GetPosition(offset);
        return new Position(line, column);
    }

    /// <summary>
    /// The offset of a position, or null when the line is past the end of the text (the line right after the
    /// last, at character 0, is accepted as the end). A character past the line's end clamps to the end of
    /// the line (before its line break), as LSP specifies; one inside a multi-unit character rounds down.
    /// </summary>
    public int? ToOffset(string text, LineIndex lines, Position position)
    {
        if (position.Line < 0 || position.Character < 0) return null;
        if (position.Line >= lines.LineCount)
            return position.Line == lines.LineCount && position.Character == 0 ? text.Length : null;
        var start = lines.LineStart(position.Line);
        var end = position.Line + 1 < lines.LineCount ? lines.LineStart(position.Line + 1) : text.Length;
        while (end > start && text[end - 1] is '\n' or '\r') end--;
        var offset = start;
        var units = 0;
        while (offset < end)
        {
            var width = UnitWidth(text, offset, out var chars);
            if (units + width > position.Character) break;
            units += width;
            offset += chars;
        }
        return offset;
    }

    public int? ToOffset(TextDocument document, Position position) => ToOffset(document.Text, document.Lines, position);

    private int Units(ReadOnlySpan<char> span)
    {
        var units = 0;
        for (var i = 0; i < span.Length;)
        {
            units += UnitWidth(span, i, out var chars);
            i += chars;
        }
        return units;
    }

    /// <summary>Width in the negotiated encoding of the character at <paramref name="i"/>, and how many UTF-16 units it spans.</summary>
    private int UnitWidth(ReadOnlySpan<char> text, int i, out int chars)
    {
        var c = text[i];
        var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
        chars = pair ? 2 : 1;
        return Encoding switch
        {
            PositionEncoding.Utf8 => pair ? 4 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3,
            PositionEncoding.Utf32 => 1,
            _ => chars,
        };
    }
}
