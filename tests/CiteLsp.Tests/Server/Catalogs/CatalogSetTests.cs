using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Cache;
using CiteLsp.Core.Search;
using CiteLsp.Server.Catalogs;
using CiteLsp.Tests.Bibliography;

namespace CiteLsp.Tests.Server.Catalogs;

/// <summary>The catalog set's view indexes start from what exists instead of building again (issue 12).</summary>
public class CatalogSetTests
{
    [Fact]
    public void A_big_files_own_index_serves_its_view_even_after_a_request_during_the_load()
    {
        var (path, _, file) = CorpusBib.Parse();
        var view = new DocumentCatalogView([new CatalogSource(path, CatalogRole.Library, "settings")], null, Catalog.Empty, Catalog.Empty);
        // A completion while the library was still loading: the view's index then held no entry.
        var loading = CatalogSet.Empty;
        Assert.Empty(loading.SearchIndex(view, CancellationToken.None).Entries);

        var own = new CachedCatalog(file, Catalog.Build([file]), SearchIndex.Build(file.Entries));
        var loaded = loading.With(LoadedCatalog.First(file) with { Cached = own });
        var index = loaded.SearchIndex(view with { Library = loaded.Build([path]) }, CancellationToken.None);

        Assert.Equal(file.Entries.Count, index.Entries.Count);
        Assert.Same(own.Index.Layout.Terms, index.Layout.Terms); // the file's own index, not a second full build
    }
}
