using CiteLsp.Core.Text;
using CiteLsp.Server.State;
using Xunit;

namespace CiteLsp.Tests.Server.State;

public sealed class DocumentScansTests
{
    private const string Bib = "@article{smith2020, title={Cats}}\n@book{knuth1984, title={TeX}}\n";

    [Fact]
    public async Task A_version_of_an_open_bib_is_parsed_once_for_all_who_ask_at_the_same_time()
    {
        var document = new TextDocument("file:///w/refs.bib", "/w/refs.bib", "bibtex", 1, Bib);
        var parses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => DocumentScans.ParseOf(document))));
        Assert.All(parses, p => Assert.Same(parses[0], p));
        Assert.Equal(["smith2020", "knuth1984"], parses[0].Entries.Select(e => e.Key));
    }

    [Fact]
    public void The_next_version_gets_its_own_parse()
    {
        var first = new TextDocument("file:///w/refs.bib", "/w/refs.bib", "bibtex", 1, Bib);
        var next = new TextDocument("file:///w/refs.bib", "/w/refs.bib", "bibtex", 2, Bib + "@misc{new2024, title={New}}\n");
        Assert.Equal(2, DocumentScans.ParseOf(first).Entries.Count);
        Assert.Equal(["smith2020", "knuth1984", "new2024"], DocumentScans.ParseOf(next).Entries.Select(e => e.Key));
    }
}
