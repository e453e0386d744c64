using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Core.Bibliography.Csl;
using CiteLsp.Core.Bibliography.Seeds;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography;

/// <summary>Parses catalog text, choosing the parser from the content, never from the file name.</summary>
public static class CatalogLoader
{
    public static CatalogFile Parse(string path, string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new CatalogFile(path, "empty", [], [], new LineIndex(text));
        // The seed detectors split what they get into lines: give them only the head of a big file.
        var head = Head(text, 24);
        // A file that starts with an entry is BibTeX, even when a field value holds lines that look like a seed listing.
        if (text.AsSpan().TrimStart("\uFEFF \t\r\n").StartsWith('@') && BibtexParser.Detect(text)) return BibtexParser.Parse(path, text);
        if (SeedListingParser.Detect(head)) return SeedListingParser.Parse(path, text);
        if (SeedProfileParser.Detect(head)) return SeedProfileParser.Parse(path, text);
        if (CslJsonParser.Detect(text)) return CslJsonParser.Parse(path, text);
        if (CslYamlParser.Detect(text)) return CslYamlParser.Parse(path, text);
        if (BibtexParser.Detect(text)) return BibtexParser.Parse(path, text);
        return Failed(path, "catalog-format",
            "unrecognized catalog format: expected BibTeX (@type{key, …}), CSL-JSON ([{\"id\": …}]), CSL-YAML (- id: …) or a seed catalog",
            text);
    }

    public static CatalogFile Load(string path)
    {
        string text;
        TextDecoder.Outcome outcome;
        // A FIFO or a device reports length 0 and its read blocks (or never ends): an empty file needs no read anyway.
        try { if (new FileInfo(path) is { Exists: true, Length: 0 }) return Parse(path, ""); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException) { }
        try { (text, outcome) = TextDecoder.DecodeFile(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or OutOfMemoryException)
        {
            return Failed(path, "catalog-unreadable", $"cannot read catalog: {ex.Message}", "");
        }
        if (outcome == TextDecoder.Outcome.Binary)
            return Failed(path, "catalog-binary", "this file looks binary (many NUL bytes), not a bibliography; it is not loaded", "");
        var file = Parse(path, text);
        if (outcome != TextDecoder.Outcome.Latin1Fallback) return file;
        var warning = new CatalogDiagnostic(Severity.Warning, "catalog-encoding",
            "the file is not valid UTF-8; it was read as Latin-1 (save it as UTF-8 to be sure accents are right)", new SourceSpan(path, 0, 0));
        return file with { Diagnostics = [warning, .. file.Diagnostics] };
    }

    private static string Head(string text, int lines)
    {
        var end = 0;
        for (var i = 0; i < lines && end < text.Length; i++)
        {
            var nl = text.IndexOf('\n', end);
            end = nl < 0 ? text.Length : nl + 1;
        }
        return end == text.Length ? text : text[..end];
    }

    internal static CatalogFile Failed(string path, string code, string message, string text) =>
        new(path, code == "catalog-format" ? "unknown" : "unreadable", [],
            [new CatalogDiagnostic(Severity.Error, code, message, new SourceSpan(path, 0, 0))], new LineIndex(text));
}
