using System.Diagnostics;
using System.Security.Cryptography;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

/// <summary>"index FILE [repeats] [parts]": what runs after a big library's parse, timed alone, each repeated on the same
/// parse: the catalog's key maps, the search index, and both at once as the server builds them. Prints the best wall
/// and CPU time of each (the machine is shared) and a digest of the index's cache form (a change must keep it).</summary>
internal static class IndexRun
{
    /// <param name="partsOnly">Time the index's parts one after the other on one thread (the build runs them on both
    /// cores), nothing else: the steadier figures to compare builds with.</param>
    public static int Run(string path, int repeats, bool partsOnly)
    {
        var file = CatalogLoader.Load(path);
        Console.WriteLine($"{path}: {file.Entries.Count} entries{(file.FieldsOnDisk ? ", fields on disk" : "")}, {Environment.ProcessorCount} cores");
        var people = file.Entries.SelectMany(e => e.Authors).ToList();
        var venues = file.Entries.Select(e => e.Venue).OfType<string>().ToList();
        Console.WriteLine($"  {people.Count} authors ({people.Distinct(ReferenceEqualityComparer.Instance).Count()} objects, {people.Distinct().Count()} distinct), "
            + $"{venues.Count} venues ({venues.Distinct(ReferenceEqualityComparer.Instance).Count()} objects, {venues.Distinct().Count()} distinct)");
        if (partsOnly)
        {
            var n = file.Entries.Count;
            var alnum = new string[n];
            var passes = Best("forward passes", repeats, () => new[] { new ForwardPass(file.Entries, 0, n / 2, true, alnum, default), new ForwardPass(file.Entries, n / 2, n, true, alnum, default) });
            Best("key table", repeats, () => SearchIndexBuilder.BuildKeys(file.Entries, alnum));
            Best("invert", repeats, () => SearchIndexBuilder.Invert([.. passes]));
            return 0;
        }
        var catalog = Best("Catalog.Build", repeats, () => Catalog.Build([file]));
        var index = Best("SearchIndex.Build", repeats, () => SearchIndex.Build(file.Entries));
        Best("both at once (as the server)", repeats, () =>
        {
            Catalog? c = null;
            SearchIndex? i = null;
            Parallel.Invoke(() => c = Catalog.Build([file]), () => i = SearchIndex.Build(file.Entries));
            return (c, i);
        });
        using var hash = new MemoryStream();
        index.WriteTo(hash);
        Console.WriteLine($"index: {index.TermCount} terms, cache form {hash.Length / 1e6:F0} MB, sha256 {Convert.ToHexString(SHA256.HashData(hash.ToArray()))[..16]}; catalog {catalog.Count} entries");
        return 0;
    }

    private static T Best<T>(string name, int repeats, Func<T> work)
    {
        var (wall, cpu, allocated) = (double.MaxValue, double.MaxValue, 0.0);
        var all = new List<string>();
        T result = default!;
        for (var r = 0; r < repeats; r++)
        {
            result = default!;
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            var process = Process.GetCurrentProcess();
            var cpu0 = process.TotalProcessorTime;
            var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
            var sw = Stopwatch.StartNew();
            result = work();
            sw.Stop();
            allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocated0) / 1e6;
            process.Refresh();
            var c = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
            (wall, cpu) = (Math.Min(wall, sw.Elapsed.TotalMilliseconds), Math.Min(cpu, c));
            all.Add($"{sw.Elapsed.TotalMilliseconds:F0}/{c:F0}");
        }
        Console.WriteLine($"{name,-22} best wall {wall,7:F0} ms  CPU {cpu,7:F0} ms  {allocated,5:F0} MB allocated   (wall/CPU: {string.Join(' ', all)})");
        return result;
    }
}
