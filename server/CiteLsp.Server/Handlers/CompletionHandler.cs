using CiteLsp.Core.Citations;
using CiteLsp.Core.Completion;
using CiteLsp.Core.Rendering;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

/// <summary>
/// Citation keys at a cite command or '@'. The server's rank is kept by clients that re-sort: sortText is the
/// rank, filterText starts with the typed text, the edit covers everything typed for the key, and the list is always
/// incomplete so every keystroke asks again.
/// </summary>
internal sealed class CompletionHandler
{
    /// <summary>Up to this many items carry their documentation; longer lists get it from completionItem/resolve.</summary>
    private const int InlineDocumentation = 10;

    private readonly Session _session;

    public CompletionHandler(Session session) => _session = session;

    [JsonRpcMethod(Methods.TextDocumentCompletion, UseSingleObjectParameterDeserialization = true)]
    public async Task<CompletionList> CompleteAsync(CompletionParams request, CancellationToken cancellationToken)
    {
        _session.RequireRunning();
        var uri = Params.Require(Params.Require(request?.TextDocument, "textDocument").Uri, "textDocument.uri");
        var position = Params.Require(request!.Position, "position");
        await _session.Catalogs.WhenFirstLoadedAsync(cancellationToken);
        if (DocumentContext.Get(_session.State.Current, uri) is not { Syntax: { } syntax } doc) return CompletionList.Empty;
        if (_session.Positions.ToOffset(doc.Document, position) is not { } offset) return CompletionList.Empty;
        return await Task.Run(() => Complete(doc, syntax, offset, cancellationToken), cancellationToken);
    }

    private CompletionList Complete(DocumentContext doc, DocumentSyntax syntax, int offset, CancellationToken cancellationToken)
    {
        var settings = doc.Snapshot.Settings;
        var text = doc.Document.Text;
        var view = doc.Catalogs;
        var context = CitationContext.Find(text, offset, syntax, doc.ScanOptions, doc.Document.Path);
        var query = CompletionQuery.Find(text, offset, syntax, context, k => view.Bibliography.Find(k) is not null || view.Library.Find(k) is not null);
        if (query is null) return CompletionList.Empty;
        var sources = new CompletionSources(view.Bibliography, view.Library, doc.Snapshot.Catalogs.SearchIndex(view, cancellationToken));
        var recent = query.Query.Length == 0 ? CitationCompletion.RecentKeys(doc.Citations, offset) : new Dictionary<string, int>();
        var cited = new HashSet<string>(query.OtherKeysInCommand, StringComparer.Ordinal);
        var candidates = CitationCompletion.Rank(query.Query, cited, recent, sources, settings.CompletionLimit, cancellationToken);

        var range = _session.Positions.ToRange(doc.Document, query.Start, query.Length);
        var target = settings.CompletionAddToBibliography ? AppendTarget.PathFor(view, doc.Kind) : null;
        var width = Math.Max(4, candidates.Count.ToString().Length);
        var items = candidates.Select((c, rank) => Item(c, rank.ToString("D" + width), query.Query, range, doc.Document.Uri, target, candidates.Count <= InlineDocumentation)).ToList();
        return new CompletionList(IsIncomplete: true, items);
    }

    private static CompletionItem Item(CompletionCandidate c, string sortText, string query, Protocol.Range range, string uri, string? target, bool withDocumentation)
    {
        var key = c.Entry.Key;
        var label = ReferenceCard.ShortLabel(c.Entry);
        var adds = c.Origin == EntryOrigin.Library && target is not null;
        var detail = c.Origin == EntryOrigin.Bibliography ? label
            : adds ? $"{label} · library, adds to {Path.GetFileName(target)}" : $"{label} · library";
        return new CompletionItem
        {
            Label = key,
            LabelDetails = new CompletionItemLabelDetails(Description: c.Origin == EntryOrigin.Library ? label + " · library" : label),
            Kind = CompletionItemKind.Reference,
            Detail = detail,
            Documentation = withDocumentation ? MarkupContent.Markdown(ReferenceCard.Markdown(c.Entry)) : null,
            SortText = sortText,
            FilterText = query.Length == 0 ? key : query + " " + key,
            TextEdit = new TextEdit(range, key),
            Command = adds ? new Command("Add to bibliography", ServerCommands.AddToBibliography, [uri, key]) : null,
            Data = new CompletionItemData(uri, key),
        };
    }
}
