using System.Text;
using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Core.Bibliography.Csl;
using CiteLsp.Core.Bibliography.Seeds;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography;

/// <summary>Parses catalog text, choosing the parser from the content, never from the file name.</summary>
public static class CatalogLoader
{
    public static CatalogFile Parse(string path, string text) => Parse(path, text, Detect(text));

    private static CatalogFile Parse(string path, string text, Kind kind) => kind switch
    {
        Kind.Empty => new CatalogFile(path, "empty", [], [], new LineIndex(text)),
        Kind.Bibtex => BibtexParser.Parse(path, text),
        Kind.SeedListing => SeedListingParser.Parse(path, text),
        Kind.SeedProfile => SeedProfileParser.Parse(path, text),
        Kind.CslJson => CslJsonParser.Parse(path, text),
        Kind.CslYaml => CslYamlParser.Parse(path, text),
        _ => Failed(path, "catalog-format",
            "unrecognized catalog format: expected BibTeX (@type{key, …}), CSL-JSON ([{\"id\": …}]), CSL-YAML (- id: …) or a seed catalog",
            text),
    };

    private enum Kind { Empty, Bibtex, SeedListing, SeedProfile, CslJson, CslYaml, Unknown }

    private static Kind Detect(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return Kind.Empty;
        // The seed detectors split what they get into lines: give them only the head of a big file.
        var head = Head(text, 24);
        // A file that starts with an entry is BibTeX, even when a field value holds lines that look like a seed listing.
        if (text.AsSpan().TrimStart("\uFEFF \t\r\n").StartsWith('@') && BibtexParser.Detect(text)) return Kind.Bibtex;
        if (SeedListingParser.Detect(head)) return Kind.SeedListing;
        if (SeedProfileParser.Detect(head)) return Kind.SeedProfile;
        if (CslJsonParser.Detect(text)) return Kind.CslJson;
        if (CslYamlParser.Detect(text)) return Kind.CslYaml;
        return BibtexParser.Detect(text) ? Kind.Bibtex : Kind.Unknown;
    }

    public static CatalogFile Load(string path) => Load(path, null);

    /// <summary>BibTeX files this big keep lean entries that read raw fields and abstracts from the file when asked (<see cref="BibtexParser.ParseLean"/>).</summary>
    public const long DefaultFieldsOnDiskAbove = 128L << 20;

    /// <param name="previous">The last parse of this file: a BibTeX file is then re-scanned only where it changed.</param>
    /// <param name="fieldsOnDiskAbove">From this size on, a BibTeX file's raw fields stay in the file (see <see cref="BibtexParser.ParseLean"/>).</param>
    public static CatalogFile Load(string path, CatalogFile? previous, long fieldsOnDiskAbove = DefaultFieldsOnDiskAbove)
    {
        string text;
        TextDecoder.Outcome outcome;
        long length = 0;
        // A FIFO or a device reports length 0 and its read blocks (or never ends): an empty file needs no read anyway.
        try { if ((length = new FileInfo(path) is { Exists: true } info ? info.Length : -1) == 0) return Parse(path, ""); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException) { }
        // A whole parse keeps most of what it allocates; a re-scan of a changed part allocates little.
        using var noGc = previous?.Bibtex is null ? NoGcRegion.ForParse(length) : default;
        if (length >= fieldsOnDiskAbove && IsBibtex(Head(path)) && BibWindows.TryParse(path, previous: previous) is { } windowed) return windowed;
        try { (text, outcome) = TextDecoder.DecodeFile(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or OutOfMemoryException)
        {
            return Failed(path, "catalog-unreadable", $"cannot read catalog: {ex.Message}", "");
        }
        if (outcome == TextDecoder.Outcome.Binary)
            return Failed(path, "catalog-binary", "this file looks binary (many NUL bytes), not a bibliography; it is not loaded", "");
        var kind = Detect(text);
        var file = kind != Kind.Bibtex ? Parse(path, text, kind)
            : length >= fieldsOnDiskAbove && Offsets(path, text, outcome) is { } offsets ? BibtexParser.ParseLean(path, text, offsets)
            : previous?.Bibtex is not null && previous.Path == path ? BibtexParser.Reparse(previous, text)
            : BibtexParser.Parse(path, text);
        if (outcome != TextDecoder.Outcome.Latin1Fallback) return file;
        var warning = new CatalogDiagnostic(Severity.Warning, "catalog-encoding",
            "the file is not valid UTF-8; it was read as Latin-1 (save it as UTF-8 to be sure accents are right)", new SourceSpan(path, 0, 0));
        return file with { Diagnostics = [warning, .. file.Diagnostics] };
    }

    /// <summary>The first 64 KB of a file as UTF-8 (a character cut at the end, or bytes of another encoding, as U+FFFD).</summary>
    private static string Head(string path)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            var head = new byte[64 << 10];
            return new UTF8Encoding(false).GetString(head, 0, RandomAccess.Read(handle, head, 0));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return ""; }
    }

    /// <summary>The head of a file that is BibTeX whatever follows (not JSON or YAML that a later "@type{" could still be in).</summary>
    internal static bool IsBibtex(string head) =>
        head.AsSpan().TrimStart("\uFEFF \t\r\n") is [not ('[' or '{' or '-'), ..] && Detect(head) == Kind.Bibtex;

    /// <summary>Where the decoded text's characters are in the file, for a library that reads its fields from there.</summary>
    private static ByteOffsets? Offsets(string path, string text, TextDecoder.Outcome outcome)
    {
        try
        {
            using var handle = File.OpenHandle(path);
            Span<byte> head = stackalloc byte[3];
            var (encoding, preamble) = TextDecoder.EncodingOf(head[..RandomAccess.Read(handle, head, 0)], outcome);
            return ByteOffsets.Of(text, encoding, preamble);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return null; }
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

    /// <summary>A file that gives no entries, only the error that says why (on its first character).</summary>
    public static CatalogFile Failed(string path, string code, string message, string text) =>
        new(path, code == "catalog-format" ? "unknown" : "unreadable", [],
            [new CatalogDiagnostic(Severity.Error, code, message, new SourceSpan(path, 0, 0))], new LineIndex(text));
}
