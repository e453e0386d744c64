using CiteLsp.Core.Bibliography.Seeds;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography;

/// <summary>Parses catalog text, choosing the parser from the content, never from the file name.</summary>
public static class CatalogLoader
{
    public static CatalogFile Parse(string path, string text)
    {
        if (SeedListingParser.Detect(text)) return SeedListingParser.Parse(path, text);
        if (SeedProfileParser.Detect(text)) return SeedProfileParser.Parse(path, text);
        return new CatalogFile(path, "unknown", [],
            [new CatalogDiagnostic(Severity.Error, "catalog-format", "unrecognized catalog format", new SourceSpan(path, 0, 0))],
            new LineIndex(text));
    }

    public static CatalogFile Load(string path)
    {
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new CatalogFile(path, "unreadable", [],
                [new CatalogDiagnostic(Severity.Error, "catalog-unreadable", $"cannot read catalog: {ex.Message}", new SourceSpan(path, 0, 0))],
                new LineIndex(""));
        }
        return Parse(path, text);
    }
}
