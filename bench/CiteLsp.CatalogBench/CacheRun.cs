using System.Diagnostics;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Cache;
using CiteLsp.Core.Search;

/// <summary>
/// "cache FILE": a warm start's read of the cache (in $XDG_CACHE_HOME/citelsp, as the server's) in-process: the first
/// read, with the code it compiles as a fresh server does, then the best of five. Writes the cache when there is none.
/// </summary>
internal static class CacheRun
{
    public static int Run(string path)
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
        return 0;
    }

    private static double Time(CatalogCache cache, string path)
    {
        var clock = Stopwatch.StartNew();
        if (cache.TryLoad(path) is null) throw new InvalidOperationException("the cache did not load");
        return clock.Elapsed.TotalMilliseconds;
    }
}
