using System.Text;
using System.Text.Json;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Csl;

/// <summary>CSL-JSON: an array of items (or one item). Positions of each item and its id are kept for the editor.</summary>
public static class CslJsonParser
{
    public const string Format = "csl-json";

    public static bool Detect(string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\uFEFF') continue;
            return c is '[' or '{';
        }
        return false;
    }

    public static CatalogFile Parse(string path, string text)
    {
        var lines = new LineIndex(text);
        var bytes = Encoding.UTF8.GetBytes(text);
        var offsets = new Utf8Offsets(bytes);
        var entries = new List<Entry>();
        var diagnostics = new List<CatalogDiagnostic>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject) ReadItem(ref reader, path, offsets, entries, diagnostics);
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject) ReadItem(ref reader, path, offsets, entries, diagnostics);
                    else reader.Skip();
                }
            }
            else diagnostics.Add(new CatalogDiagnostic(Severity.Error, "csl-syntax", "CSL-JSON must be an array of items", new SourceSpan(path, 0, 0)));
        }
        catch (JsonException ex)
        {
            var at = lines.GetOffset((int)(ex.LineNumber ?? 0), (int)(ex.BytePositionInLine ?? 0));
            diagnostics.Add(new CatalogDiagnostic(Severity.Error, "csl-syntax", $"invalid JSON: {FirstSentence(ex.Message)}", new SourceSpan(path, at, 0)));
        }
        catch (InvalidOperationException ex)
        {
            // "\ud800" alone is valid JSON syntax but no valid string: System.Text.Json refuses to read it.
            var at = offsets.CharOffset((int)Math.Min(reader.TokenStartIndex, bytes.Length));
            diagnostics.Add(new CatalogDiagnostic(Severity.Error, "csl-syntax", $"invalid JSON string: {FirstSentence(ex.Message)}", new SourceSpan(path, at, 0)));
        }
        return new CatalogFile(path, Format, entries, diagnostics, lines);
    }

    private static void ReadItem(ref Utf8JsonReader reader, string path, Utf8Offsets offsets, List<Entry> entries, List<CatalogDiagnostic> diagnostics)
    {
        var start = offsets.CharOffset((int)reader.TokenStartIndex);
        var item = new Dictionary<string, object?>(StringComparer.Ordinal);
        var idSpan = new SourceSpan(path, start, 1);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            if (name == "id" && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
            {
                var tokenStart = offsets.CharOffset((int)reader.TokenStartIndex);
                var tokenEnd = offsets.CharOffset((int)reader.BytesConsumed);
                idSpan = reader.TokenType == JsonTokenType.String
                    ? new SourceSpan(path, tokenStart + 1, Math.Max(0, tokenEnd - tokenStart - 2))
                    : new SourceSpan(path, tokenStart, tokenEnd - tokenStart);
            }
            item[name] = ReadValue(ref reader);
        }
        var end = offsets.CharOffset((int)reader.BytesConsumed);
        var entry = CslItemMapper.Map(item, new SourceSpan(path, start, end - start), idSpan);
        if (entry is null)
            diagnostics.Add(new CatalogDiagnostic(Severity.Error, "csl-missing-id", "CSL item without an \"id\": it cannot be cited and is skipped", new SourceSpan(path, start, 1)));
        else entries.Add(entry);
    }

    /// <summary>Any JSON value as a plain tree; every scalar becomes its text ("2019", "true"), null stays null.</summary>
    private static object? ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var map = new Dictionary<string, object?>(StringComparer.Ordinal);
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var name = reader.GetString()!;
                    reader.Read();
                    map[name] = ReadValue(ref reader);
                }
                return map;
            case JsonTokenType.StartArray:
                var list = new List<object?>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) list.Add(ReadValue(ref reader));
                return list;
            case JsonTokenType.String: return reader.GetString();
            case JsonTokenType.Number: return Encoding.UTF8.GetString(reader.ValueSpan);
            case JsonTokenType.True: return "true";
            case JsonTokenType.False: return "false";
            default: return null;
        }
    }

    private static string FirstSentence(string message) => message.Split(" Path:", 2)[0];
}
