using System.Threading.Channels;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Diagnostics;
using CiteLsp.Core.Text;
using CiteLsp.Core.Workspace;
using CiteLsp.Server.Analysis;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Diagnostics;

/// <summary>
/// Publishes diagnostics from one background loop: for a document when it opens or changes (changes debounced),
/// for every open document and bibliography file when catalogs or settings change, and an empty list when a
/// document closes. A document waits until the catalog files it needs are loaded, so it never flashes
/// "unresolved" for keys that are merely still loading.
/// </summary>
internal sealed class DiagnosticsPublisher : IDisposable
{
    private const string All = "";
    /// <summary>The bibliography files open documents use, alone: a document now uses one that is loaded already.</summary>
    private const string CatalogFiles = "\u0001";
    private readonly Session _session;
    private readonly Channel<(string Uri, bool Debounce)> _queue = Channel.CreateUnbounded<(string, bool)>();
    private readonly CancellationTokenSource _stop = new();
    private readonly HashSet<string> _catalogUris = new(StringComparer.Ordinal);

    public DiagnosticsPublisher(Session session)
    {
        _session = session;
        session.State.Changed += OnChanged;
    }

    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(100);
    public TypingGuard Typing { get; } = new();

    public void Start() => _ = Task.Run(RunAsync);

    private void OnChanged(WorkspaceSnapshot before, WorkspaceSnapshot after)
    {
        foreach (var (uri, document) in after.Documents)
        {
            if (!before.Documents.TryGetValue(uri, out var old)) _queue.Writer.TryWrite((uri, false));
            else if (!ReferenceEquals(old, document))
            {
                Typing.Edited(old, document);
                _queue.Writer.TryWrite((uri, true));
            }
            else if (!SameResolution(before.Bibliography(uri), after.Bibliography(uri)))
            {
                _queue.Writer.TryWrite((uri, false));
                _queue.Writer.TryWrite((CatalogFiles, false)); // a library file may have become its bibliography
            }
        }
        foreach (var uri in before.Documents.Keys)
            if (!after.Documents.ContainsKey(uri))
            {
                Typing.Forget(uri);
                _queue.Writer.TryWrite((uri, false));
            }
        if (!ReferenceEquals(before.Catalogs, after.Catalogs) || before.Settings != after.Settings
            || !before.SettingsFiles.Bibliography.SequenceEqual(after.SettingsFiles.Bibliography)
            || !before.SettingsFiles.Library.SequenceEqual(after.SettingsFiles.Library))
            _queue.Writer.TryWrite((All, false));
    }

    /// <summary>The catalog loop re-resolves documents after every edit; only a different answer needs new diagnostics.</summary>
    private static bool SameResolution(DocumentBibliography? a, DocumentBibliography? b) =>
        ReferenceEquals(a, b) || a is not null && b is not null && a.Backend == b.Backend && a.Root == b.Root
        && a.DeclaresBibliography == b.DeclaresBibliography && a.HasInlineReferences == b.HasInlineReferences
        && a.Sources.Select(x => x.Path).SequenceEqual(b.Sources.Select(x => x.Path))
        && a.InlineKeys.Select(k => k.Key).SequenceEqual(b.InlineKeys.Select(k => k.Key))
        && a.EmbeddedBibs.Select(e => e.Path).SequenceEqual(b.EmbeddedBibs.Select(e => e.Path))
        && a.Wrappers.SequenceEqual(b.Wrappers);

    private async Task RunAsync()
    {
        var ct = _stop.Token;
        try
        {
            while (await _queue.Reader.WaitToReadAsync(ct))
            {
                var batch = new HashSet<string>(StringComparer.Ordinal);
                var debounce = false;
                while (_queue.Reader.TryRead(out var item)) { batch.Add(item.Uri); debounce |= item.Debounce; }
                if (debounce)
                {
                    await Task.Delay(Debounce, ct);
                    while (_queue.Reader.TryRead(out var item)) batch.Add(item.Uri);
                }
                var snapshot = _session.State.Current;
                var catalogFiles = batch.Remove(CatalogFiles) | batch.Contains(All);
                var uris = batch.Contains(All) ? snapshot.Documents.Keys.Concat(batch.Where(u => u != All)).Distinct(StringComparer.Ordinal) : batch;
                foreach (var uri in uris)
                {
                    try { await PublishAsync(snapshot, uri); }
                    // The client closed the connection while the server wound down: nothing is wrong.
                    catch (StreamJsonRpc.ConnectionLostException) { _session.Log.Debug($"diagnostics for {uri} not sent: the connection is closed"); }
                    catch (Exception ex) when (ex is not OperationCanceledException) { _session.Log.Error($"diagnostics for {uri} failed: {ex.Message}", ex.ToString()); }
                }
                if (catalogFiles) await PublishCatalogFilesAsync(snapshot);
            }
        }
        catch (OperationCanceledException) { }
    }

    private Task PublishAsync(WorkspaceSnapshot snapshot, string uri)
    {
        if (snapshot.Document(uri) is not { } document) return SendAsync(new PublishDiagnosticsParams(uri, []));
        if (!snapshot.Settings.DiagnosticsEnabled) return SendAsync(new PublishDiagnosticsParams(uri, [], document.Version));
        if (DocumentKinds.Of(document.LanguageId, document.Path) == DocumentKind.Bibliography)
        {
            var parsed = DocumentScans.ParseOf(document).Diagnostics.Select(CiteDiagnostic.From).ToList();
            return SendAsync(new PublishDiagnosticsParams(uri, ProblemCap.Apply(Convert(parsed, document, snapshot), document.Path), document.Version));
        }
        if (!CatalogsLoaded(snapshot, document))
        {
            // An edit may have declared a new bibliography file: have it loaded; its arrival republishes everything.
            _session.Catalogs.RequestSync();
            return Task.CompletedTask;
        }
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (DocumentAnalyzer.Analyze(snapshot, document) is not { } analysis) return Task.CompletedTask;
        _session.Log.Debug($"diagnostics {document.Path}: {analysis.Citations.Count} citations, {analysis.Diagnostics.Count} diagnostics, "
            + $"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
        var (shown, recheck) = Typing.Filter(uri, analysis.Diagnostics);
        if (recheck is { } wait) _ = Task.Delay(wait + TimeSpan.FromMilliseconds(50), _stop.Token).ContinueWith(_ => _queue.Writer.TryWrite((uri, false)), TaskScheduler.Default);
        return SendAsync(new PublishDiagnosticsParams(uri, Convert(shown, document, snapshot), document.Version));
    }

    /// <summary>Syntax errors and duplicate keys of the bibliography files open documents use (those not open themselves).</summary>
    private async Task PublishCatalogFilesAsync(WorkspaceSnapshot snapshot)
    {
        var openPaths = snapshot.Documents.Values.Select(d => d.Path).ToHashSet(StringComparer.Ordinal);
        var paths = snapshot.Documents.Values
            .SelectMany(d => DocumentCatalogs.Sources(snapshot, d))
            .Where(s => s.Role == CatalogRole.Bibliography && !s.IsEmbedded && !openPaths.Contains(s.Path))
            .Select(s => s.Path).ToHashSet(StringComparer.Ordinal);
        var published = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            if (snapshot.Catalogs.Latest(path) is not { } file) continue;
            var uri = DocumentUri.FromPath(path);
            var diagnostics = snapshot.Settings.DiagnosticsEnabled ? ProblemCap.Apply(file.Diagnostics.Select(d => ToDiagnostic(d, file)).ToList(), path) : [];
            if (diagnostics.Count == 0 && !_catalogUris.Contains(uri)) continue;
            await SendAsync(new PublishDiagnosticsParams(uri, diagnostics));
            if (diagnostics.Count > 0) published.Add(uri);
        }
        foreach (var stale in _catalogUris.Except(published).Where(u => !paths.Contains(DocumentUri.ToPath(u))).ToList())
            await SendAsync(new PublishDiagnosticsParams(stale, []));
        _catalogUris.Clear();
        _catalogUris.UnionWith(published);
    }

    private Diagnostic ToDiagnostic(CatalogDiagnostic d, CatalogFile file)
    {
        var range = new Protocol.Range(_session.Positions.ToPosition(file, d.Span.Start), _session.Positions.ToPosition(file, d.Span.End));
        return new Diagnostic(range, LspConvert.Severity(CiteDiagnostic.From(d).Severity), d.Code, LspConvert.Source, d.Message);
    }

    /// <summary>True when every catalog file the document needs has been loaded (or failed to load) at least once.</summary>
    private static bool CatalogsLoaded(WorkspaceSnapshot snapshot, TextDocument document) =>
        (!snapshot.Settings.SeedsEnabled || snapshot.Catalogs.Seeds.Count > 0)
        && DocumentCatalogs.Sources(snapshot, document).All(s => s.IsEmbedded || snapshot.Catalogs.Files.ContainsKey(s.Path));

    private List<Diagnostic> Convert(IEnumerable<CiteDiagnostic> diagnostics, TextDocument document, WorkspaceSnapshot snapshot) =>
        diagnostics.Select(d => LspConvert.ToDiagnostic(d, document, _session.Positions, snapshot)).ToList();

    /// <summary>The list is written here, not by StreamJsonRpc while it holds the connection's writer (<see cref="LspFormatter.Raw"/>):
    /// 1,001 problems took it 52-81 ms (260 ms the first time), every response waiting; written here, 14-19 ms.</summary>
    private Task SendAsync(PublishDiagnosticsParams p) =>
        _session.Rpc.NotifyWithParameterObjectAsync(Methods.TextDocumentPublishDiagnostics, new { p.Uri, p.Version, Diagnostics = LspFormatter.Raw(p.Diagnostics) });

    public void Dispose()
    {
        _session.State.Changed -= OnChanged;
        _stop.Cancel();
    }
}
