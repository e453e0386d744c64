using System.Runtime.CompilerServices;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// One search index per catalog instance, built on first use and dropped with the catalog. Catalogs are
/// immutable and cached per catalog set, so an index lives exactly as long as the files it was built from.
/// </summary>
internal static class SearchIndexCache
{
    private static readonly ConditionalWeakTable<Catalog, Lazy<SearchIndex>> Indexes = new();

    public static SearchIndex For(Catalog catalog) =>
        Indexes.GetValue(catalog, c => new Lazy<SearchIndex>(() => SearchIndex.Build(c.Entries))).Value;
}
