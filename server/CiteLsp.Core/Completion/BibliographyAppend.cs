using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Export;

namespace CiteLsp.Core.Completion;

/// <summary>
/// The edit that adds a library entry to a bibliography file so that a citation of it compiles: a BibTeX entry
/// at the end of a .bib, a CSL item at the end of a CSL-JSON array, a flow-style item appended to a CSL-YAML list.
/// The file's own line endings are kept.
/// </summary>
public static class BibliographyAppend
{
    /// <summary>Null when the file's shape is not recognised (e.g. a .json that is not an array).</summary>
    public static TextInsertion? Create(Entry entry, string path, string text)
    {
        var insertion = Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".json" => Json(entry, path, text),
            ".yaml" or ".yml" => Yaml(entry, path, text),
            _ => Bibtex(entry, path, text),
        };
        if (insertion is null || !text.Contains("\r\n", StringComparison.Ordinal)) return insertion;
        return insertion with { NewText = insertion.NewText.Replace("\n", "\r\n", StringComparison.Ordinal) };
    }

    private static TextInsertion Bibtex(Entry entry, string path, string text)
    {
        var separator = text.TrimEnd().Length == 0 ? "" : text.EndsWith('\n') ? "\n" : "\n\n";
        return new TextInsertion(path, text.Length, 0, separator + BibtexWriter.Write(entry));
    }

    private static TextInsertion? Json(Entry entry, string path, string text)
    {
        var close = text.LastIndexOf(']');
        if (close < 0) return null;
        var last = close - 1;
        while (last >= 0 && char.IsWhiteSpace(text[last])) last--;
        if (last < 0) return null;
        var item = string.Join("\n", Item(entry, indented: true).Split('\n').Select(line => "  " + line));
        var comma = text[last] == '[' ? "" : ",";
        return new TextInsertion(path, last + 1, close - last - 1, comma + "\n" + item + "\n");
    }

    private static TextInsertion Yaml(Entry entry, string path, string text)
    {
        // Items are the shallowest list entries; deeper ones are authors or date parts.
        string? indent = null;
        foreach (var line in text.Split('\n'))
        {
            var trimmed = line.TrimStart(' ');
            var depth = line.Length - trimmed.Length;
            if ((trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed.TrimEnd() == "-") && (indent is null || depth < indent.Length))
                indent = line[..depth];
        }
        indent ??= "";
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : "\n";
        // A JSON object is a YAML flow mapping: one line, no YAML quoting rules to get wrong.
        return new TextInsertion(path, text.Length, 0, $"{separator}{indent}- {Item(entry, indented: false)}\n");
    }

    private static string Item(Entry entry, bool indented)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            CslJsonWriter.WriteItem(w, entry);
        return Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
    }
}
