using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Csl;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Diagnostics;
using CiteLsp.Core.Text;
using CiteLsp.Core.Workspace;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Analysis;

/// <summary>
/// Scans a document and decides where its keys must resolve, from the snapshot's own resolution of the document
/// (<see cref="DocumentCatalogs"/>): the one path shared by diagnostics, code actions, navigation and
/// `citelsp check`, so the editor and CI always agree.
/// </summary>
internal static class DocumentAnalyzer
{
    /// <summary>Null for documents that are not LaTeX or Markdown, or whose bibliography is not resolved yet.</summary>
    public static DocumentAnalysis? Analyze(WorkspaceSnapshot snapshot, TextDocument document)
    {
        if (DocumentLanguages.SyntaxOf(document.LanguageId, document.Path) is not { } syntax) return null;
        var view = DocumentCatalogs.Resolve(snapshot, document);
        if (view.Project is not { } project) return null;
        var options = new LatexScanOptions(snapshot.Settings.LatexCitationCommands, project.Wrappers);
        var citations = syntax == DocumentSyntax.Latex
            ? LatexCitationScanner.Scan(document.Path, document.Text, options)
            : MarkdownCitationScanner.Scan(document.Path, document.Text);
        var scope = Scope(project, view);
        var diagnostics = snapshot.Settings.DiagnosticsEnabled
            ? CitationRule.Check(citations, scope, snapshot.Settings.DiagnosticsSeverity)
            : [];
        return new DocumentAnalysis(document, syntax, citations, project, view, scope, diagnostics);
    }

    private static ResolutionScope Scope(DocumentBibliography project, DocumentCatalogView view)
    {
        var bibliography = view.Bibliography;
        var names = view.Sources.Where(s => s.Role == CatalogRole.Bibliography).Select(s => CitationRule.DisplayName(s.Path)).ToList();
        // Markdown's front matter references: are part of the bibliography pandoc sees.
        if (project.HasInlineReferences && project.FrontMatter is { } front)
        {
            bibliography = Catalog.Build([CslYamlParser.ParseFrontMatter(project.Document, front.Text, front.Span.Start), .. bibliography.Files]);
            names.Add(CitationRule.DisplayName(project.Document));
        }
        var libraryNames = view.Sources.Where(s => s.Role == CatalogRole.Library).Select(s => CitationRule.DisplayName(s.Path))
            .Distinct(StringComparer.Ordinal).ToList();
        return new ResolutionScope(bibliography, view.DeclaresBibliography, view.Library, project.Backend,
            names.Distinct(StringComparer.Ordinal).ToList(), libraryNames)
        {
            // \bibitem keys are defined for LaTeX; Markdown link aliases are Manubot's, which pandoc does not know.
            DefinedKeys = project.Syntax == DocumentSyntax.Latex
                ? project.InlineKeys.Select(k => k.Key).ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>(StringComparer.Ordinal),
        };
    }
}
