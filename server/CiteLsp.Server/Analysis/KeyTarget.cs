using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Text;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Analysis;

/// <summary>The key under the cursor: a cited key in a document, or an entry's key in an open .bib file.</summary>
internal sealed record KeyTarget(string Key, SourceSpan Span, DocumentAnalysis? Analysis, CatalogFile? BibFile)
{
    public static KeyTarget? At(WorkspaceSnapshot snapshot, TextDocument document, int offset)
    {
        if (DocumentKinds.Of(document.LanguageId, document.Path) == DocumentKind.Bibliography)
        {
            var file = CatalogLoader.Parse(document.Path, document.Text);
            var entry = file.Entries.FirstOrDefault(e => e.KeyLocation.Contains(offset) && e.KeyLocation.Length == e.Key.Length);
            return entry is null ? null : new KeyTarget(entry.Key, entry.KeyLocation, null, file);
        }
        if (DocumentAnalyzer.Analyze(snapshot, document) is not { } analysis) return null;
        var citation = analysis.CitationAt(offset);
        return citation is null || citation.Key == "*" ? null : new KeyTarget(citation.Key, citation.KeySpan, analysis, null);
    }
}
