using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Bibliography;

public class CatalogTests
{
    /// <summary>Two files with a key in common (a paper's .bib and the library): the first file's entry wins, and the
    /// catalog's entries are every file's in order with the later copies left out.</summary>
    [Fact]
    public void A_key_in_two_files_is_the_first_file_s_and_listed_once_in_file_order()
    {
        var paper = CatalogLoader.Parse("/p/paper.bib", "@article{a, title={A}}\n@article{shared, title={Paper's}}\n@article{b, title={B}}\n");
        var library = CatalogLoader.Parse("/p/library.bib", "@article{c, title={C}}\n@article{shared, title={Library's}}\n@article{d, title={D}}\n");

        var catalog = Catalog.Build([paper, library]);

        Assert.Equal(["a", "shared", "b", "c", "d"], catalog.Entries.Select(e => e.Key));
        Assert.Equal("Paper's", catalog.Find("shared")?.Title);
        var reversed = Catalog.Build([library, paper]);
        Assert.Equal(["c", "shared", "d", "a", "b"], reversed.Entries.Select(e => e.Key));
        Assert.Equal("Library's", reversed.Find("shared")?.Title);
    }
}
