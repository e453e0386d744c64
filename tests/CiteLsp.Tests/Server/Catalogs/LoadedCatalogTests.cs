using CiteLsp.Core.Bibliography;
using CiteLsp.Server.Catalogs;

namespace CiteLsp.Tests.Server.Catalogs;

public class LoadedCatalogTests
{
    private static CatalogFile Parse(string text) => CatalogLoader.Parse("/tmp/lib.txt", text);

    [Fact]
    public void A_failed_reparse_with_fewer_entries_keeps_the_good_entries_but_reports_the_new_errors()
    {
        var good = Parse(SeedCatalogs.Profile(3));
        Assert.Equal(3, good.Entries.Count);
        var next = LoadedCatalog.First(good).Next(Parse("Profile page\nLearn"), fileExists: true);
        Assert.True(next.KeptPrevious);
        Assert.Same(good, next.Good);
        Assert.Contains(next.Latest.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_clean_reparse_replaces_the_entries_even_when_fewer()
    {
        var next = LoadedCatalog.First(Parse(SeedCatalogs.Profile(3))).Next(Parse(SeedCatalogs.Profile(1)), fileExists: true);
        Assert.False(next.KeptPrevious);
        Assert.Single(next.Good.Entries);
    }

    [Fact]
    public void A_momentarily_empty_file_keeps_the_good_entries()
    {
        var next = LoadedCatalog.First(Parse(SeedCatalogs.Profile(3))).Next(Parse("  \n"), fileExists: true);
        Assert.True(next.KeptPrevious);
        Assert.Equal(3, next.Good.Entries.Count);
    }

    [Fact]
    public void A_deleted_file_drops_its_entries()
    {
        var next = LoadedCatalog.First(Parse(SeedCatalogs.Profile(3))).Next(Parse(""), fileExists: false);
        Assert.Empty(next.Good.Entries);
    }
}
