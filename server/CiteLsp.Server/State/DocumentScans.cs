using System.Runtime.CompilerServices;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Text;

namespace CiteLsp.Server.State;

/// <summary>
/// Citations of a document version, and the parse of an open .bib, computed once per immutable TextDocument
/// (hover, inlay hints and completion all ask for them between two edits).
/// </summary>
internal static class DocumentScans
{
    private sealed record Scan(LatexScanOptions Options, IReadOnlyList<Citation> Citations);

    private static readonly ConditionalWeakTable<TextDocument, Scan> Citations = new();
    private static readonly ConditionalWeakTable<TextDocument, CatalogFile> BibFiles = new();

    /// <summary>Cached per document version and scan options (extra commands from settings, the project's wrappers).</summary>
    public static IReadOnlyList<Citation> CitationsOf(TextDocument document, DocumentSyntax syntax, LatexScanOptions options)
    {
        if (Citations.TryGetValue(document, out var cached) && cached.Options == options) return cached.Citations;
        var citations = syntax == DocumentSyntax.Latex
            ? LatexCitationScanner.Scan(document.Path, document.Text, options)
            : MarkdownCitationScanner.Scan(document.Path, document.Text);
        Citations.AddOrUpdate(document, new Scan(options, citations));
        return citations;
    }

    /// <summary>
    /// The parse of an open .bib: the loaded catalog file's when it still matches the editor's text in length
    /// (reparsing a 100k-entry file per hover would take seconds), else a parse of this version.
    /// </summary>
    public static CatalogFile BibFileOf(TextDocument document, CatalogFile? loaded) =>
        loaded is not null && loaded.Lines.TextLength == document.Text.Length
            ? loaded
            : BibFiles.GetValue(document, d => CatalogLoader.Parse(d.Path, d.Text));
}
