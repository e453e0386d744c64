using CiteLsp.Core.Fixes;
using CiteLsp.Server.Analysis;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class CodeActionHandler(Session session)
{
    /// <summary>Quick fixes for the citation diagnostics in the range (recomputed from the current text, not trusted from the client).</summary>
    [JsonRpcMethod(Methods.TextDocumentCodeAction, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<CodeAction>> CodeActionAsync(CodeActionParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        var uri = Params.Require(Params.Require(request?.TextDocument, "textDocument").Uri, "textDocument.uri");
        var snapshot = await Resolution.SnapshotAsync(session, uri, cancellationToken);
        if (request!.Context?.Only is { } only && !only.Any(k => k.StartsWith(CodeActionKind.QuickFix, StringComparison.Ordinal))) return [];
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (snapshot.Document(uri) is not { } document || DocumentAnalyzer.Analyze(snapshot, document) is not { } analysis) return [];
        var range = Params.Require(request.Range, "range");
        var start = session.Positions.ToOffset(document, range.Start) ?? 0;
        var end = session.Positions.ToOffset(document, range.End) ?? document.Text.Length;
        var target = new Lazy<BibliographyTarget?>(() => Target(snapshot, analysis));
        var actions = new List<CodeAction>();
        foreach (var d in analysis.Diagnostics.Where(d => d.Span.Start <= end && d.Span.End >= start))
        {
            if (analysis.Citations.FirstOrDefault(c => c.KeySpan == d.Span) is not { } citation) continue;
            var diagnostic = LspConvert.ToDiagnostic(d, document, session.Positions, snapshot);
            foreach (var fix in CitationFixes.For(d, citation, document.Text, analysis.Citations, analysis.Scope, () => target.Value, () => Ranked(snapshot, analysis, citation.Key, cancellationToken)))
                if (LspConvert.ToWorkspaceEdit(fix.Edits, session.Positions, snapshot) is { } edit)
                    actions.Add(new CodeAction(fix.Title, CodeActionKind.QuickFix, edit) { Diagnostics = [diagnostic], IsPreferred = fix.Preferred ? true : null });
        }
        session.Log.Debug($"codeAction {document.Path}: {actions.Count} actions, {System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
        return actions;
    }

    /// <summary>The fuzzy ranker's best entries for the typed key (the index is cached per catalog set).</summary>
    private static IEnumerable<string> Ranked(WorkspaceSnapshot snapshot, DocumentAnalysis analysis, string key, CancellationToken cancellationToken) =>
        CatalogSearch.Search(snapshot.Catalogs, analysis.Catalogs, key, 10, cancellationToken).Select(h => h.Hit.Entry.Key);

    /// <summary>Where "Add to …" appends: the document's first bibliography file that exists, else its own front matter (Markdown).</summary>
    private static BibliographyTarget? Target(WorkspaceSnapshot snapshot, DocumentAnalysis analysis)
    {
        foreach (var source in analysis.Catalogs.Sources.Where(s => s.Role == CatalogRole.Bibliography && !s.IsEmbedded))
            if (FileTexts.Get(snapshot, source.Path) is { } file)
                return new BibliographyTarget(source.Path, file.Text, BibliographyTarget.FormatOf(source.Path));
        return analysis.Syntax == Core.Citations.DocumentSyntax.Markdown
            ? new BibliographyTarget(analysis.Document.Path, analysis.Document.Text, TargetFormat.FrontMatter)
            : null;
    }
}
