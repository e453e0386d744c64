using System.Runtime.CompilerServices;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Text;

namespace CiteLsp.Server.State;

/// <summary>
/// Citations of a document version, computed once per immutable TextDocument (hover, inlay hints and completion all ask
/// for them between two edits), and the parse of an open .bib, shared by those who ask for it at the same time.
/// </summary>
internal static class DocumentScans
{
    private sealed record Scan(LatexScanOptions Options, IReadOnlyList<Citation> Citations);

    private static readonly ConditionalWeakTable<TextDocument, Scan> Citations = new();
    private static readonly ConditionalWeakTable<TextDocument, SharedParse> BibFiles = new();

    /// <summary>
    /// A version's parse while anyone holds it: the diagnostics and the outline ask for it at the same moment after an
    /// edit, and one then waits for the other's instead of parsing again. Held weakly: kept for the document's life, a
    /// library's parse was copied up the GC's generations, which cost more than the second parse it saved.
    /// </summary>
    private sealed class SharedParse
    {
        private readonly Lock _gate = new();
        private WeakReference<CatalogFile>? _parse;

        public CatalogFile Get(TextDocument document)
        {
            lock (_gate)
            {
                if (_parse?.TryGetTarget(out var parse) == true) return parse;
                parse = CatalogLoader.Parse(document.Path, document.Text);
                _parse = new WeakReference<CatalogFile>(parse);
                return parse;
            }
        }
    }

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
            : ParseOf(document);

    /// <summary>The parse of this version of an open .bib (its diagnostics, its outline, hovers in it).</summary>
    public static CatalogFile ParseOf(TextDocument document) =>
        BibFiles.GetValue(document, _ => new SharedParse()).Get(document);
}
