using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Core.Bibliography.Export;
using CiteLsp.Server.Catalogs;

namespace CiteLsp.Tests.Bibliography.Export;

public class BibtexRoundTripTests
{
    [Fact]
    public void Seed_catalog_exports_and_parses_back_to_the_same_entries()
    {
        var seeds = Catalog.Build(EmbeddedSeeds.Load());
        Assert.Equal(20, seeds.Count);
        var text = BibtexWriter.Write(seeds.Entries);
        var back = BibtexParser.Parse("seeds.bib", text);
        Assert.Empty(back.Diagnostics);
        Assert.Equal(seeds.Entries.Select(e => e.Key), back.Entries.Select(e => e.Key));
        foreach (var (a, b) in seeds.Entries.Zip(back.Entries))
        {
            Assert.Equal(a.Title, b.Title);
            Assert.Equal(a.Authors, b.Authors);
            Assert.Equal(a.AuthorsTruncated, b.AuthorsTruncated);
            Assert.Equal(a.Date, b.Date);
            Assert.Equal(a.ArxivId, b.ArxivId);
        }
    }

    [Fact]
    public void Bib_entries_round_trip_with_raw_values_and_month_macros()
    {
        const string source = "@string{j = {J. Tests}}\n@article{k, author = {M{\\\"u}ller, J. and others}, title = {The {GPU} \\& more}, journal = j, year = 2020, month = mar, note = \"a {\\\"o} b\"}\n";
        var first = Assert.Single(BibtexParser.Parse("a.bib", source).Entries);
        var written = BibtexWriter.Write(first);
        Assert.Contains("month = mar,", written);
        Assert.Contains("title = {The {GPU} \\& more},", written);
        var again = Assert.Single(BibtexParser.Parse("b.bib", written).Entries);
        Assert.Equal(first.Fields, again.Fields);
        Assert.Equal((first.Title, first.Date, first.Venue), (again.Title, again.Date, again.Venue));
        Assert.Equal(first.Authors, again.Authors);
    }

    [Theory]
    [InlineData("famil{}y=e, =")]         // its family name "family=e" reads like biblatex's "family=…" form
    [InlineData("{family=Duchamp}")]
    [InlineData("family=Duchamp, given=Philippe")]
    [InlineData("{a=b}, family=x")]
    [InlineData("x, an{}d s, y")]         // "and" in a part would split the list there
    [InlineData("Smith, {a, b}")]         // so would a comma
    [InlineData("others,")]               // a family named "others" is not "and others"
    public void Names_that_read_like_name_syntax_round_trip(string author)
    {
        var first = Assert.Single(BibtexParser.Parse("a.bib", $"@misc{{k, author = {{{author}}}}}\n").Entries);
        var again = Assert.Single(BibtexParser.Parse("b.bib", BibtexWriter.Write(first)).Entries);
        Assert.Equal(first.Authors, again.Authors);
    }
}
