using System.Diagnostics;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Cache;
using CiteLsp.Core.Search;

/// <summary>
/// "cache FILE": a warm start's read of the cache (in $XDG_CACHE_HOME/citelsp, as the server's) in-process: the first
/// read, with the code it compiles as a fresh server does, then the best of five. Writes the cache when there is none.
/// "--seeds DIR" then times the view a user's default settings add (the library with the seed catalogs in DIR): its
/// key maps and its index, from the cached ones.
/// </summary>
internal static class CacheRun
{
    public static int Run(string path, string? seedDir)
    {
        var cache = new CatalogCache(CatalogCache.DefaultDirectory());
        if (!cache.Holds(path))
        {
            var file = CatalogLoader.Load(path);
            var written = cache.Save(file, SearchIndex.Build(file.Entries));
            Console.WriteLine(written ? $"{path}: cache written in {cache.Directory}; run again to time its reads" : $"{path}: not cacheable");
            return written ? 0 : 1;
        }
        var first = Time(cache, path);
        var best = Enumerable.Range(0, 5).Min(_ => Time(cache, path));
        Console.WriteLine($"{path}: cache read, first {first:F0} ms, then best of 5 {best:F0} ms");
        if (seedDir is not null) WithSeeds(cache.TryLoad(path)!, Directory.GetFiles(seedDir).Order(StringComparer.Ordinal).Select(CatalogLoader.Load).ToList());
        return 0;
    }

    private static double Time(CatalogCache cache, string path)
    {
        var clock = Stopwatch.StartNew();
        if (cache.TryLoad(path) is null) throw new InvalidOperationException("the cache did not load");
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>The view of the library and the seeds, as the server builds it after a warm start.</summary>
    private static void WithSeeds(CachedCatalog cached, IReadOnlyList<CatalogFile> seeds)
    {
        for (var run = 0; run < 6; run++)
        {
            var clock = Stopwatch.StartNew();
            var catalog = Catalog.Build([cached.File, .. seeds], cached.Catalog);
            var catalogMs = clock.Elapsed.TotalMilliseconds;
            var index = cached.Index.Update(catalog.Entries);
            Console.WriteLine($"  with {catalog.Count - cached.File.Entries.Count} seed entries: key maps {catalogMs:F1} ms ({catalog.KeyMaps}), index {clock.Elapsed.TotalMilliseconds - catalogMs:F1} ms{(run == 0 ? " (first, compiling)" : "")}");
            GC.KeepAlive(index);
        }
    }
}
