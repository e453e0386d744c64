using CiteLsp.Server.Analysis;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Text;
using CiteLsp.Server.Catalogs;

namespace CiteLsp.Server.State;

/// <summary>An open document as the feature handlers see it, within one workspace snapshot.</summary>
internal sealed class DocumentContext(WorkspaceSnapshot snapshot, TextDocument document)
{
    private DocumentCatalogView? _catalogs;

    public WorkspaceSnapshot Snapshot { get; } = snapshot;
    public TextDocument Document { get; } = document;
    public DocumentKind Kind { get; } = DocumentKinds.Of(document.LanguageId, document.Path);
    public DocumentSyntax? Syntax => DocumentLanguages.SyntaxOf(Document.LanguageId, Document.Path);

    public DocumentCatalogView Catalogs => _catalogs ??= DocumentCatalogs.Resolve(Snapshot, Document);

    /// <summary>The document's citations (empty for anything but LaTeX and Markdown).</summary>
    public IReadOnlyList<Citation> Citations => Syntax is { } syntax ? DocumentScans.CitationsOf(Document, syntax, ScanOptions) : [];

    /// <summary>Extra cite commands from the settings and the wrappers the document's project defines.</summary>
    public LatexScanOptions ScanOptions => new(Snapshot.Settings.LatexCitationCommands, Catalogs.Project?.Wrappers);

    public static DocumentContext? Get(WorkspaceSnapshot snapshot, string uri) =>
        snapshot.Document(uri) is { } document ? new DocumentContext(snapshot, document) : null;
}
