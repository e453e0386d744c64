using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Bibliography;

/// <summary>An entry keeps its rarely set values (abstract, DOI, URL, arXiv id, aliases) in one shared object.</summary>
public class EntryTests
{
    [Fact]
    public void A_copy_changed_with_with_leaves_the_original_as_it_was()
    {
        var original = new Entry { Key = "a", Doi = "10.1/x", Url = "https://x", ArxivId = "1234.5678", Aliases = ["b"], Abstract = "Words." };

        var copy = original with { Doi = "10.1/y", Aliases = [] };

        Assert.Equal(("10.1/x", "https://x", "1234.5678", "Words."), (original.Doi, original.Url, original.ArxivId, original.Abstract));
        Assert.Equal(["b"], original.Aliases);
        Assert.Equal(("10.1/y", "https://x", "1234.5678", "Words."), (copy.Doi, copy.Url, copy.ArxivId, copy.Abstract));
        Assert.Empty(copy.Aliases);
    }

    [Fact]
    public void Entries_are_equal_however_their_rare_values_were_set()
    {
        var plain = new Entry { Key = "a", Title = "T" };
        var cleared = new Entry { Key = "a", Title = "T", Doi = "10.1/x", Url = "https://x" } with { Doi = null, Url = null };

        Assert.Equal(plain, cleared);
        Assert.NotEqual(plain, plain with { ArxivId = "1234.5678" });
        Assert.Null(plain.Doi);
        Assert.Empty(plain.Aliases);
    }
}
