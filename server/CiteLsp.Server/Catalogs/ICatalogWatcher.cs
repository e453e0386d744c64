namespace CiteLsp.Server.Catalogs;

/// <summary>Reports changes to the catalog files in the watched set (by calling back with the file's path).</summary>
internal interface ICatalogWatcher : IDisposable
{
    Task WatchAsync(IReadOnlySet<string> paths);
}
