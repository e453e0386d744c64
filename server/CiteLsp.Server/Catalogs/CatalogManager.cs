using System.Threading.Channels;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Cache;
using CiteLsp.Core.Configuration;
using CiteLsp.Core.Text;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// Loads and reloads catalog files on one background loop, off the request path: requests for a resync
/// (settings or documents changed) and file-change events are debounced, then the needed files are
/// (re)parsed and swapped into the workspace snapshot, the watcher follows the new file set, and
/// <c>citelsp/status</c> is sent.
/// </summary>
internal sealed class CatalogManager(WorkspaceState state, Logger log, Func<StatusParams, Task> sendStatus) : IDisposable
{
    private readonly Channel<string?> _signals = Channel.CreateUnbounded<string?>();
    private readonly HashSet<string> _reportedTooLarge = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly ProjectScanner _projects = new();
    private Dictionary<string, string> _embedded = new(StringComparer.Ordinal);
    private (CiteLspSettings Settings, IReadOnlyList<string> Folders, SettingsFiles Files, DateTime At)? _settingsFiles;
    private readonly TaskCompletionSource _firstLoad = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool _statusSent;

    public ICatalogWatcher? Watcher { get; set; }

    /// <summary>Where big libraries are cached between runs (null: no cache, as for `citelsp check`).</summary>
    public CatalogCache? Cache { get; init; }

    /// <summary>How long after a warm start the cached library is parsed again (for raw fields, abstracts and fast reloads).</summary>
    public TimeSpan RefreshAfterWarmStart { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Shows a load that reads files (given what it reads) in the editor, when the client can show progress.</summary>
    public Func<string, LoadProgress?>? ShowLoad { get; init; }

    /// <summary>How long after a big library's first parse its cache is written (the first requests come first).</summary>
    public TimeSpan CacheWriteDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A big file's own catalog and index, read from the cache or built with its first parse: the views start from them.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CachedCatalog> _builtAlone = new(StringComparer.Ordinal);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ((long, DateTime)? Stamp, Task<CachedCatalog?> Loading)> _prefetched = new(StringComparer.Ordinal);

    /// <summary>
    /// How long to wait for more events before reloading (editors write files in several steps). Short: a Zotero
    /// export is written in one go, and a half-written file is caught by <see cref="SettleTime"/> anyway.
    /// </summary>
    public TimeSpan Debounce { get; init; } = TimeSpan.FromMilliseconds(15);

    /// <summary>How long a file that lost entries must stay unchanged before its new parse is served.</summary>
    public TimeSpan SettleTime { get; init; } = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(20);

    public void Start() => _ = Task.Run(RunAsync);

    /// <summary>
    /// Waits (at most a few seconds) until the first load after start-up is done, so a request that arrives
    /// right after initialize sees the catalogs instead of an empty result.
    /// </summary>
    public async Task WhenFirstLoadedAsync(CancellationToken cancellationToken)
    {
        try { await _firstLoad.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken); }
        catch (TimeoutException) { log.Warning("catalogs are still loading; answering with what is loaded"); }
    }

    /// <summary>
    /// At initialize, starts reading the cache of the big files the settings name, so a warm start overlaps the rest
    /// of the handshake; the first sync takes the result (if the file has not changed meanwhile) instead of reading it.
    /// Plain paths only (globs walk directories: not on the initialize request), and a thread only for a file that has
    /// a cache (every thread costs resident memory for good).
    /// </summary>
    public void Prefetch()
    {
        if (Cache is not { } cache) return;
        var settings = state.Current.Settings;
        var plain = settings.Bibliography.Concat(settings.Library).Where(p => !SettingsPaths.IsGlob(p)).ToList();
        foreach (var path in SettingsPaths.Expand(plain, state.Current.WorkspaceFolders))
            if (Stamp(path) is { } stamp && stamp.Length <= settings.MaxCatalogBytes && cache.Holds(path))
                _prefetched.TryAdd(path, (stamp, Task.Factory.StartNew(() => cache.TryLoad(path), TaskCreationOptions.LongRunning)));
    }

    /// <summary>Settings or open documents changed: recompute which files are needed.</summary>
    public void RequestSync() => _signals.Writer.TryWrite(null);

    /// <summary>One synchronous pass (resolve documents, load what they need), for `citelsp check`, which has no loop.</summary>
    public Task SyncOnceAsync() => SyncAsync(new HashSet<string>(StringComparer.Ordinal));

    /// <summary>A watched file changed on disk.</summary>
    public void FileChanged(string path) => _signals.Writer.TryWrite(path);

    private async Task RunAsync()
    {
        var ct = _stop.Token;
        try
        {
            while (await _signals.Reader.WaitToReadAsync(ct))
            {
                await Task.Delay(Debounce, ct);
                var dirty = new HashSet<string>(StringComparer.Ordinal);
                while (_signals.Reader.TryRead(out var path))
                    if (path is not null) dirty.Add(path);
                try { await SyncAsync(dirty); }
                catch (Exception ex) when (ex is not OperationCanceledException) { log.Error($"catalog loading failed: {ex}"); }
            }
        }
        catch (OperationCanceledException) { }
    }

    private async Task SyncAsync(IReadOnlySet<string> dirty)
    {
        var settings = state.Current.Settings;
        var files = SettingsFiles(settings, state.Current.WorkspaceFolders, dirty.Count > 0);
        var seeds = settings.SeedsEnabled ? (state.Current.Catalogs.Seeds is { Count: > 0 } s ? s : EmbeddedSeeds.Load()) : [];
        var seedsChanged = !ReferenceEquals(seeds, state.Current.Catalogs.Seeds) && (seeds.Count > 0 || state.Current.Catalogs.Seeds.Count > 0);
        var bibliographies = _projects.Resolve(state.Current, log.Warning);
        var snapshot = state.Update(s => s with
        {
            SettingsFiles = files,
            Catalogs = seedsChanged ? s.Catalogs.WithSeeds(seeds) : s.Catalogs,
            // Only documents still open; one opened meanwhile is resolved on the sync its didOpen requested.
            Bibliographies = bibliographies.RemoveRange(bibliographies.Keys.Where(uri => !s.Documents.ContainsKey(uri))),
        });

        // filecontents bodies stand in for their file until LaTeX has written it; an edit to one is a change.
        var embedded = snapshot.Bibliographies.Values.SelectMany(b => b.EmbeddedBibs)
            .GroupBy(e => e.Path, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Text, StringComparer.Ordinal);
        var changedEmbedded = embedded.Where(e => !_embedded.TryGetValue(e.Key, out var old) || old != e.Value).Select(e => e.Key).ToList();
        _embedded = embedded;

        var required = DocumentCatalogs.RequiredFiles(snapshot);
        var loaded = snapshot.Catalogs.Files;
        var toLoad = required.Where(p => !loaded.ContainsKey(p) || dirty.Contains(p) || changedEmbedded.Contains(p)).ToList();
        var toDrop = loaded.Keys.Where(p => !required.Contains(p)).ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Logged with the load: a huge library's first load counts 4 of each (NoGcRegion: two regions started, which
        // collect at once and cost nothing, and the two full collections); more mean its regions did not hold, and it
        // peaks higher. A reload runs without regions: its young collections are expected.
        var collections = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var stamps = toLoad.ToDictionary(p => p, Stamp, StringComparer.Ordinal);
        using var progress = toLoad.Count > 0 ? ShowLoad?.Invoke(Reading(toLoad, stamps)) : null;
        var parsed = toLoad.Select(p => (Path: p, File: Load(p, stamps[p], settings, loaded.GetValueOrDefault(p)?.Latest, progress), Exists: File.Exists(p) || embedded.ContainsKey(p))).ToList();
        var parseMs = clock.Elapsed.TotalMilliseconds;
        parsed = await SettledAsync(parsed, stamps, snapshot.Catalogs);

        var catalogs = state.Current.Catalogs; // this loop is the only writer of Catalogs
        foreach (var p in toDrop) catalogs = catalogs.Without(p);
        foreach (var (path, file, exists) in parsed)
            catalogs = catalogs.With(catalogs.Files.TryGetValue(path, out var old) ? old.Next(file, exists)
                : LoadedCatalog.First(file) with { Cached = _builtAlone.TryRemove(path, out var cached) && ReferenceEquals(cached.File, file) ? cached : null });
        var rebuilt = parsed.Count > 0 || toDrop.Count > 0 || seedsChanged || !_statusSent;
        if (rebuilt)
        {
            // The merged catalogs and indexes are built before the swap, off the request path: requests meanwhile
            // keep the previous complete ones, and the next request finds these cached. Every open document's view
            // too: completion in a paper with its own .bib must not pay for the build.
            progress?.Report("building the search indexes");
            var next = state.Current with { Catalogs = catalogs };
            foreach (var document in next.Documents.Values.Prepend(null))
                catalogs.SearchIndex(DocumentCatalogs.Resolve(next, document), CancellationToken.None);
        }
        snapshot = state.Update(s => s with { Catalogs = catalogs });
        foreach (var (path, _, _) in parsed)
            if (snapshot.Catalogs.Files.TryGetValue(path, out var f) && f.KeptPrevious)
                log.Warning($"{path}: the new version has errors and fewer entries; keeping the last good parse ({f.Good.Entries.Count} entries)");

        if (Watcher is { } watcher)
        {
            try { await watcher.WatchAsync(required); }
            catch (Exception ex) { log.Warning($"could not watch catalog files: {ex.Message}"); }
        }
        if (rebuilt)
        {
            catalogs.ForgetPrevious();
            // A lean library's cache write, if one runs, collects when it is done (it holds as much again meanwhile).
            if (parsed.Any(p => p.File.Lines.TextLength >= BigText) && Volatile.Read(ref _cacheWrites) == 0)
                CollectSoon(aggressive: parsed.Any(p => p.File.FieldsOnDisk));
            if (parsed.Count > 0) log.Debug($"loaded {string.Join(", ", parsed.Select(p => Path.GetFileName(p.Path)))}: read and parsed in {parseMs:F0} ms, catalogs and indexes ready after {clock.Elapsed.TotalMilliseconds:F0} ms; "
                + $"GC meanwhile: {GC.CollectionCount(0) - collections.Item1} gen0, {GC.CollectionCount(1) - collections.Item2} gen1, {GC.CollectionCount(2) - collections.Item3} gen2");
            _statusSent = true;
            var status = await SendStatusAsync(snapshot.Catalogs); // not inside progress?.End(…): that skips it when null
            progress?.End(status);
        }
        _prefetched.Clear(); // settings that changed before the first sync may not need them
        _firstLoad.TrySetResult();
    }

    /// <summary>"reading library.bib (612 MB)", "reading library.bib and 2 more (640 MB)": the biggest file named.</summary>
    private static string Reading(List<string> paths, Dictionary<string, (long Length, DateTime Written)?> stamps)
    {
        var bytes = paths.Sum(p => stamps[p]?.Length ?? 0);
        var biggest = Path.GetFileName(paths.MaxBy(p => stamps[p]?.Length ?? 0));
        var names = paths.Count == 1 ? biggest : $"{biggest} and {paths.Count - 1} more";
        return bytes >= 1 << 20 ? $"reading {names} ({bytes >> 20} MB)" : $"reading {names}";
    }

    private const int BigText = 8 << 20;
    private int _cacheWrites;
    private int _collectPending;

    /// <summary>
    /// A big library's old text (100 MB and more) is dead once its reload is served, but lives on in the large-object
    /// heap until a full collection. Collecting it soon after (in the background) lets the next reload re-use that
    /// memory instead of faulting in fresh pages, about 40 ms per 100 MB here, and keeps two texts from adding up.
    /// After a lean library's load (the parse, or the cache file read, was several times what is kept) the collection
    /// compacts and gives the memory back to the system: one pause of one or two seconds, once, instead of gigabytes
    /// held. It waits for a quiet moment (<see cref="WhenQuiet"/>), so that the pause does not meet the keystrokes that
    /// follow a load (1M entries, 2 cores: completions that met it waited 0.9-1.2 s).
    /// </summary>
    private void CollectSoon(bool aggressive)
    {
        if (Interlocked.Exchange(ref _collectPending, 1) == 1 && !aggressive) return;
        void Collect()
        {
            Volatile.Write(ref _collectPending, 0);
            if (aggressive) GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            else GC.Collect(2, GCCollectionMode.Forced, blocking: false);
        }
        if (aggressive) WhenQuiet(DateTime.UtcNow + MaxWaitForQuiet, Collect);
        else After(TimeSpan.FromSeconds(1), Collect);
    }

    private static readonly TimeSpan QuietStep = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxWaitForQuiet = TimeSpan.FromSeconds(30);

    /// <summary>
    /// <paramref name="work"/> once a second has passed in which the server allocated next to nothing (no request, edit
    /// or reload under way), or at <paramref name="deadline"/>, whichever comes first.
    /// </summary>
    private void WhenQuiet(DateTime deadline, Action work)
    {
        var before = GC.GetTotalAllocatedBytes();
        After(QuietStep, () =>
        {
            if (GC.GetTotalAllocatedBytes() - before < IdleMemory.Quiet || DateTime.UtcNow >= deadline) work();
            else WhenQuiet(deadline, work);
        });
    }

    /// <summary><paramref name="work"/> on the thread pool after <paramref name="delay"/>, unless the server stops first.</summary>
    private void After(TimeSpan delay, Action work) =>
        _ = Task.Delay(delay, _stop.Token).ContinueWith(_ => work(), TaskContinuationOptions.OnlyOnRanToCompletion);

    /// <summary>
    /// Settings' files with globs expanded. A glob walks directories, so the result is reused while settings and
    /// folders are unchanged (edits resync often), and redone on file events or after a few seconds.
    /// </summary>
    private SettingsFiles SettingsFiles(CiteLspSettings settings, IReadOnlyList<string> folders, bool filesChanged)
    {
        if (!filesChanged && _settingsFiles is { } cached && ReferenceEquals(cached.Settings, settings) && ReferenceEquals(cached.Folders, folders)
            && DateTime.UtcNow - cached.At < TimeSpan.FromSeconds(5))
            return cached.Files;
        var files = SettingsPaths.Resolve(settings.Bibliography, settings.Library, folders);
        _settingsFiles = (settings, folders, files, DateTime.UtcNow);
        return files;
    }

    /// <summary>
    /// A parse that lost entries may be a file caught mid-write (Zotero rewrites its export in place): wait a
    /// moment and, as soon as the file changes from what was read, keep serving the old entries and read it again.
    /// </summary>
    private async Task<List<(string Path, CatalogFile File, bool Exists)>> SettledAsync(
        List<(string Path, CatalogFile File, bool Exists)> parsed, Dictionary<string, (long, DateTime)?> stamps, CatalogSet current)
    {
        var shrunk = parsed.Where(p => p.Exists && current.Files.TryGetValue(p.Path, out var old) && p.File.Entries.Count < old.Good.Entries.Count).ToList();
        if (shrunk.Count == 0) return parsed;
        // Watch for a writer still at work: read again as soon as a file moves, rather than after the whole wait.
        HashSet<string> moving = [];
        for (var waited = TimeSpan.Zero; moving.Count == 0 && waited < SettleTime; waited += SettlePoll)
        {
            await Task.Delay(SettlePoll, _stop.Token);
            moving = shrunk.Where(p => Stamp(p.Path) != stamps[p.Path]).Select(p => p.Path).ToHashSet(StringComparer.Ordinal);
        }
        foreach (var path in moving)
        {
            log.Debug($"{path} changed while it was being read; keeping the previous entries and reading it again");
            FileChanged(path);
        }
        return parsed.Where(p => !moving.Contains(p.Path)).ToList();
    }

    private static (long Length, DateTime Written)? Stamp(string path)
    {
        try { var info = new FileInfo(path); return info.Exists ? (info.Length, info.LastWriteTimeUtc) : null; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return null; }
    }

    /// <param name="previous">The file's last parse: a BibTeX file is then re-scanned only where it changed.</param>
    /// <param name="stamp">The file's size and modification time just before this load (null: no such file).</param>
    /// <param name="progress">Where the load is shown, if it is.</param>
    private CatalogFile Load(string path, (long Length, DateTime Written)? stamp, CiteLspSettings settings, CatalogFile? previous, LoadProgress? progress)
    {
        if (stamp is { } s && s.Length > settings.MaxCatalogBytes)
        {
            lock (_reportedTooLarge)
                if (_reportedTooLarge.Add(path)) log.Warning($"{path}: {s.Length / (1024 * 1024)} MB exceeds citelsp.limits.maxCatalogSizeMB; not loaded");
            return new CatalogFile(path, "too-large", [],
                [new CatalogDiagnostic(Severity.Error, "catalog-too-large", "file exceeds citelsp.limits.maxCatalogSizeMB", new SourceSpan(path, 0, 0))], new LineIndex(""));
        }
        if (!File.Exists(path) && _embedded.TryGetValue(path, out var text)) return CatalogLoader.Parse(path, text);
        if (previous is null && Cache is { } warm && FromCache(warm, path) is { } hit)
        {
            var cached = hit.File;
            log.Info($"{path}: {cached.Entries.Count} entries from the cache in {warm.Directory}");
            _builtAlone[path] = hit;
            // Served at once; parsed again a moment later, when the first requests are answered (for raw fields,
            // abstracts and fast reloads), unless its entries read those from the file anyway.
            if (!cached.FieldsOnDisk)
                After(RefreshAfterWarmStart, () => FileChanged(path));
            return cached;
        }
        CatalogFile file;
        CachedCatalog? built = null;
        var cache = previous is null && Cache is { } c && c.Covers(path) ? c : null;
        // The GC stays off for the parse and the index built right after it: what they allocate survives, and their
        // garbage is collected once (a huge library's parse: between the two), not by every young collection meanwhile.
        var bytes = stamp?.Length ?? 0;
        var noGc = cache is null ? default : Core.Bibliography.NoGcRegion.ForParseAndIndex(bytes);
        try
        {
            try { file = CatalogLoader.Load(path, previous, settings.FieldsOnDiskAboveBytes); }
            catch (Exception ex) when (ex is not (OutOfMemoryException or OperationCanceledException))
            {
                // A parser's bug costs this file, reported on it, not the whole sync and the status the client waits for.
                log.Error($"{path}: loading failed: {ex}");
                return CatalogLoader.Failed(path, "catalog-unreadable", $"cannot load catalog: {ex.Message}", "");
            }
            if (cache is not null && file.Format == "bibtex")
            {
                // A big library's parse leaves hundreds of MB of garbage: gone before the index adds its own when
                // the two would pass 0.85 GB (1M entries: peak 0.98 GB instead of 1.29, for a collection of 1.3-2.6 s).
                noGc = noGc.CollectBeforeIndex(bytes, file.FieldsOnDisk);
                progress?.Report($"{Path.GetFileName(path)}: indexing {file.Entries.Count:N0} entries");
                // Built once for the views and the cache file (each building its own index took a core for seconds).
                // The key maps are built meanwhile, on one core beside the index's passes.
                Catalog? catalog = null;
                Core.Search.SearchIndex? index = null;
                // With the token, a shutdown meanwhile ends it as a cancellation, not an AggregateException (logged as a failure).
                Parallel.Invoke(new ParallelOptions { CancellationToken = _stop.Token },
                    () => catalog = Catalog.Build([file]), () => index = Core.Search.SearchIndex.Build(file.Entries, ct: _stop.Token));
                built = new CachedCatalog(file, catalog!, index!);
            }
        }
        finally { noGc.Dispose(); }
        if (built is not null)
        {
            noGc.CollectAfterIndex(); // a huge library's: the index's garbage goes before the library is served
            _builtAlone[path] = built;
            Interlocked.Increment(ref _cacheWrites);
            // Once the requests that waited for this load are answered: the write reads the whole file again (its
            // content hash) and takes a core; right away, it took it from the first completion.
            After(CacheWriteDelay, () => SaveToCache(cache!, built, stamp));
        }
        // No background collection is started here: one made the young collection that met it during the next
        // seconds' requests take 3.4-4.3 s instead of 1.1-1.2 s (1M, LspBench, 3 runs each). A huge library's index
        // garbage went in the blocking one above; the compaction after the cache write gives the memory back.
        return file;
    }

    private CachedCatalog? FromCache(CatalogCache cache, string path)
    {
        if (_prefetched.TryRemove(path, out var prefetched))
        {
            var loaded = prefetched.Loading.GetAwaiter().GetResult();
            // Checked after the wait: the file may have changed while the prefetch read it.
            if (loaded is null || Stamp(path) == prefetched.Stamp) return loaded;
        }
        return cache.TryLoad(path);
    }

    /// <summary>Writes the cache of a big library parsed from scratch, off the request path.</summary>
    private void SaveToCache(CatalogCache cache, CachedCatalog built, (long, DateTime)? readAs)
    {
        try
        {
            if (cache.Save(built.File, built.Index, readAs)) log.Debug($"{built.File.Path}: cached in {cache.Directory}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException) { log.Debug($"{built.File.Path}: not cached: {ex.Message}"); }
        finally
        {
            Interlocked.Decrement(ref _cacheWrites);
            CollectSoon(aggressive: built.File.FieldsOnDisk); // the write's buffers are as big as the library
        }
    }

    /// <returns>What the status says.</returns>
    private async Task<string> SendStatusAsync(CatalogSet catalogs)
    {
        var paths = catalogs.AllPaths.ToList();
        var all = catalogs.Build(paths);
        var errors = paths.Sum(p => catalogs.Latest(p)?.Diagnostics.Count(d => d.Severity == Severity.Error) ?? 0);
        var message = $"{all.Count} entries from {paths.Count} catalog file(s)" + (errors > 0 ? $", {errors} error(s)" : "");
        log.Info(message);
        try { await sendStatus(new StatusParams(all.Count, paths.Count, errors, message)); }
        catch (Exception ex) { log.Debug($"status not sent: {ex.Message}"); }
        return message;
    }

    public void Dispose()
    {
        _stop.Cancel();
        Watcher?.Dispose();
    }
}
