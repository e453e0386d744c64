namespace CiteLsp.Server.Catalogs;

/// <summary>Server-side watching (one FileSystemWatcher per directory) for clients that cannot watch files for us.</summary>
internal sealed class FileSystemCatalogWatcher(Action<string> changed) : ICatalogWatcher
{
    private readonly Dictionary<string, FileSystemWatcher> _watchers = new(StringComparer.Ordinal);
    private volatile IReadOnlySet<string> _paths = new HashSet<string>();

    public Task WatchAsync(IReadOnlySet<string> paths)
    {
        _paths = paths;
        var dirs = paths.Select(Path.GetDirectoryName).OfType<string>().Where(Directory.Exists).ToHashSet(StringComparer.Ordinal);
        lock (_watchers)
        {
            foreach (var gone in _watchers.Keys.Where(d => !dirs.Contains(d)).ToList())
            {
                _watchers[gone].Dispose();
                _watchers.Remove(gone);
            }
            foreach (var dir in dirs.Where(d => !_watchers.ContainsKey(d)))
            {
                var w = new FileSystemWatcher(dir) { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
                w.Changed += (_, e) => Report(e.FullPath);
                w.Created += (_, e) => Report(e.FullPath);
                w.Deleted += (_, e) => Report(e.FullPath);
                w.Renamed += (_, e) => { Report(e.OldFullPath); Report(e.FullPath); };
                w.EnableRaisingEvents = true;
                _watchers[dir] = w;
            }
        }
        return Task.CompletedTask;
    }

    private void Report(string path)
    {
        if (_paths.Contains(path)) changed(path);
    }

    public void Dispose()
    {
        lock (_watchers)
        {
            foreach (var w in _watchers.Values) w.Dispose();
            _watchers.Clear();
        }
    }
}
