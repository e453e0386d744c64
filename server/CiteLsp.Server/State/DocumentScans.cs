using System.Runtime.CompilerServices;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Configuration;
using CiteLsp.Core.Text;

namespace CiteLsp.Server.State;

/// <summary>
/// Citations of a document version, and the parse of an open .bib, computed once per immutable TextDocument
/// (hover, inlay hints and completion all ask for them between two edits).
/// </summary>
internal static class DocumentScans
{
    private sealed record Scan(IReadOnlyList<string> ExtraCommands, IReadOnlyList<Citation> Citations);

    private static readonly ConditionalWeakTable<TextDocument, Scan> Citations = new();
    private static readonly ConditionalWeakTable<TextDocument, CatalogFile> BibFiles = new();

    public static IReadOnlyList<Citation> CitationsOf(TextDocument document, DocumentSyntax syntax, CiteLspSettings settings)
    {
        if (Citations.TryGetValue(document, out var cached) && ReferenceEquals(cached.ExtraCommands, settings.LatexCitationCommands))
            return cached.Citations;
        var citations = syntax == DocumentSyntax.Latex
            ? LatexCitationScanner.Scan(document.Path, document.Text, new LatexScanOptions(settings.LatexCitationCommands))
            : MarkdownCitationScanner.Scan(document.Path, document.Text);
        Citations.AddOrUpdate(document, new Scan(settings.LatexCitationCommands, citations));
        return citations;
    }

    public static CatalogFile BibFileOf(TextDocument document) =>
        BibFiles.GetValue(document, d => CatalogLoader.Parse(d.Path, d.Text));
}
