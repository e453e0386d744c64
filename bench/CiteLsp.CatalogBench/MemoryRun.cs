using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

/// <summary>"memory FILE": what a loaded library keeps, part by part (live heap after compacting collections).</summary>
internal static class MemoryRun
{
    public static int Run(string path)
    {
        // Measured as each part is added (an unoptimized method keeps dropped locals alive).
        var file = CatalogLoader.Load(path);
        var withoutCatalog = Heap();
        var catalog = Catalog.Build([file]);
        var withoutIndex = Heap();
        var index = SearchIndex.Build(file.Entries);
        var all = Heap();
        var view = index.Update(catalog.Entries);
        Console.WriteLine($"view index over the catalog's entries adds {(Heap() - all) / 1e6:F0} MB");
        GC.KeepAlive(view);
        var before = Heap();
        var near = CiteLsp.Core.Diagnostics.KeySuggester.Closest("zzkey", catalog);
        Console.WriteLine($"did-you-mean keys adds {(Heap() - before) / 1e6:F0} MB");
        before = Heap();
        var hits = view.Search("", 50).Count + view.Search("zz", 50).Count;
        Console.WriteLine($"two searches add {(Heap() - before) / 1e6:F0} MB");
        GC.KeepAlive(near);
        var entries = file.Entries;
        var distinct = new HashSet<object>(ReferenceEqualityComparer.Instance);
        long Strings(Func<Entry, string?> of) => entries.Select(of).OfType<string>().Where(distinct.Add).Sum(s => 22L + 2 * s.Length + 7 & ~7);
        Console.WriteLine($"{path}: {entries.Count} entries{(file.FieldsOnDisk ? ", fields on disk" : "")}; live heap {all / 1e6:F0} MB:");
        Console.WriteLine($"  search index {(all - withoutIndex) / 1e6:F0} MB, catalog key maps {(withoutIndex - withoutCatalog) / 1e6:F0} MB, the file's parse {withoutCatalog / 1e6:F0} MB, of which:");
        Console.WriteLine($"  line starts {file.Lines.LineCount * 4L / 1e6:F0} MB, entry objects ~{entries.Count * EntryBytes() / 1e6:F0} MB, keys {Strings(e => e.Key) / 1e6:F0} MB, "
            + $"titles {Strings(e => e.Title) / 1e6:F0} MB, venues {Strings(e => e.Venue) / 1e6:F0} MB, doi+url kept {(Strings(e => e.DoiInMemory) + Strings(e => e.UrlInMemory)) / 1e6:F0} MB, "
            + $"author lists {entries.Select(e => (object)e.Authors).Where(distinct.Add).Sum(a => (a is Person[] ? 24L : 56L) + 8 * ((IReadOnlyList<Person>)a).Count) / 1e6:F0} MB");
        GC.KeepAlive(index);
        return 0;
    }

    private static long Heap()
    {
        GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    /// <summary>One entry object's size, as the runtime allocates it.</summary>
    private static long EntryBytes()
    {
        var kept = new Entry[1000];
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < kept.Length; i++) kept[i] = new Entry { Key = "k" };
        return (GC.GetAllocatedBytesForCurrentThread() - before) / kept.Length;
    }
}
