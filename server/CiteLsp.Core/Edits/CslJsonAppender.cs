using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Export;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Edits;

/// <summary>
/// The edit that adds an item to a CSL-JSON array, in the file's own layout: inserted after the last item
/// (with a comma) at its indentation, or inside an empty array; a one-line file stays one line.
/// </summary>
public static class CslJsonAppender
{
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>Null when the text is not a JSON array (no safe place to insert) or already holds the id.</summary>
    public static FileEdit? Append(string path, string text, Entry entry)
    {
        if (!IsArrayWithout(text, entry.Key)) return null;
        var open = text.IndexOf('[');
        var close = LineEndings.ContentEnd(text, text.Length) - 1;
        var last = LineEndings.ContentEnd(text, close);
        var newLine = LineEndings.Detect(text);
        var multiLine = text.AsSpan(open, close - open).Contains('\n') || last == open + 1;

        if (!multiLine)
        {
            var compact = ItemJson(entry, null);
            return Edit(path, last, 0, last == open + 1 ? compact : ", " + compact);
        }
        if (last == open + 1)
        {
            const string unit = "  ";
            var item = Indent(ItemJson(entry, unit), unit, newLine);
            return Edit(path, open + 1, close - open - 1, newLine + item + newLine);
        }
        var (itemIndent, innerUnit) = Layout(text, open);
        return Edit(path, last, 0, "," + newLine + Indent(ItemJson(entry, innerUnit), itemIndent, newLine));
    }

    private static bool IsArrayWithout(string text, string key)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, Lenient);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return false;
            foreach (var item in doc.RootElement.EnumerateArray())
                if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("id", out var id)
                    && id.ValueKind == JsonValueKind.String && id.GetString() == key)
                    return false;
            return true;
        }
        catch (JsonException) { return false; }
    }

    /// <summary>Indentation of the first item's line, and the unit its members are indented by.</summary>
    private static (string ItemIndent, string Unit) Layout(string text, int open)
    {
        var first = open + 1;
        while (first < text.Length && char.IsWhiteSpace(text[first])) first++;
        var lineStart = text.LastIndexOf('\n', first - 1) + 1;
        var itemIndent = lineStart > open ? text[lineStart..first] : "";
        var nextLine = text.IndexOf('\n', first) + 1;
        var memberIndent = nextLine == 0 ? "" : LeadingWhitespace(text, nextLine);
        var unit = memberIndent.Length > itemIndent.Length && memberIndent.StartsWith(itemIndent, StringComparison.Ordinal)
            ? memberIndent[itemIndent.Length..] : "  ";
        return (itemIndent, unit);
    }

    private static string LeadingWhitespace(string text, int at)
    {
        var end = at;
        while (end < text.Length && text[end] is ' ' or '\t') end++;
        return text[at..end];
    }

    private static string Indent(string json, string indent, string newLine) =>
        string.Join(newLine, json.Split('\n').Select(line => indent + line));

    /// <summary>The item as JSON; indented by <paramref name="unit"/> (spaces or tabs) or compact when null.</summary>
    internal static string ItemJson(Entry entry, string? unit)
    {
        var options = new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        if (unit is { Length: > 0 and <= 127 } && unit.All(c => c == unit[0]) && unit[0] is ' ' or '\t')
            options = options with { Indented = true, IndentCharacter = unit[0], IndentSize = unit.Length };
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, options)) CslJsonWriter.WriteItem(w, entry);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static FileEdit Edit(string path, int start, int length, string newText) =>
        new(path, [new TextEdit(new SourceSpan(path, start, length), newText)]);
}
