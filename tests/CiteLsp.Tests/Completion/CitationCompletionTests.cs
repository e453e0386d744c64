using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Completion;
using CiteLsp.Core.Search;

namespace CiteLsp.Tests.Completion;

public class CitationCompletionTests
{
    private const string Bib = """
        @article{kaplun2022knowledge, title = {Knowledge Distillation: Bad Models Can Be Good Role Models}, author = {Kaplun, Gal and Malach, Eran}, year = {2022}}
        @article{smith2020cats, title = {On Cats}, author = {Smith, Ann}, year = {2020}}
        @article{smith2021dogs, title = {On Dogs}, author = {Smith, Ann}, year = {2021}}
        @article{jones2019birds, title = {Birds of a Feather}, author = {Jones, Bob}, year = {2019}}
        """;

    private static CompletionSources Sources(string bib = Bib)
    {
        var bibliography = Catalog.Build([CatalogLoader.Parse("/w/refs.bib", bib)]);
        var library = Catalog.Build([CatalogLoader.Load(TestPaths.SeedProfile), CatalogLoader.Load(TestPaths.SeedListing)]);
        return CompletionSources.Build(bibliography, library);
    }

    private static IReadOnlyList<CompletionCandidate> Rank(string query, string[]? cited = null, IReadOnlyDictionary<string, int>? recent = null, int limit = 50, string bib = Bib) =>
        CitationCompletion.Rank(query, cited ?? [], recent ?? new Dictionary<string, int>(), Sources(bib), limit);

    private static List<string> Keys(IEnumerable<CompletionCandidate> c) => c.Select(x => x.Entry.Key).ToList();

    [Fact]
    public void Bibliography_entry_beats_a_comparable_library_match()
    {
        // "kaplun" matches one bibliography entry and several library ones equally well (first author family).
        var items = Rank("kaplun");
        Assert.Equal("kaplun2022knowledge", items[0].Entry.Key);
        Assert.Equal(EntryOrigin.Bibliography, items[0].Origin);
        Assert.Contains(items, c => c.Origin == EntryOrigin.Library && c.Entry.Key == "kaplun2023less");
    }

    [Fact]
    public void A_clearly_better_library_match_is_not_buried_under_weak_bibliography_matches()
    {
        // "double descent" is a weak (subsequence/typo) match for nothing in the .bib, an exact title match in the library.
        var items = Rank("deep double descent");
        Assert.Equal("nakkiran2019deep", items[0].Entry.Key);
        Assert.Equal(EntryOrigin.Library, items[0].Origin);
    }

    [Fact]
    public void Library_entries_already_in_the_bibliography_are_offered_once_as_bibliography_entries()
    {
        var withSeedKey = Bib + "\n@misc{nakkiran2019deep, title = {Deep Double Descent}, author = {Nakkiran, Preetum}, year = {2019}}";
        var items = Rank("nakkiran double", bib: withSeedKey);
        var hits = items.Where(c => c.Entry.Key == "nakkiran2019deep").ToList();
        Assert.Single(hits);
        Assert.Equal(EntryOrigin.Bibliography, hits[0].Origin);
    }

    [Fact]
    public void Keys_already_cited_in_the_command_come_last()
    {
        var items = Rank("smith", cited: ["smith2021dogs"]);
        Assert.Equal(["smith2020cats", "smith2021dogs"], Keys(items.Where(c => c.Entry.Key.StartsWith("smith", StringComparison.Ordinal))));
        Assert.True(items[^1].CitedInCommand);
        Assert.Equal("smith2021dogs", items[^1].Entry.Key);
    }

    [Fact]
    public void Empty_query_lists_recent_keys_first_then_the_bibliography()
    {
        var text = @"\cite{jones2019birds} then \cite{livne2023corgi} and here: \cite{}";
        var citations = LatexCitationScanner.Scan("/w/a.tex", text);
        var recent = CitationCompletion.RecentKeys(citations, text.Length - 1);
        Assert.Equal(["livne2023corgi", "jones2019birds"], recent.OrderBy(r => r.Value).Select(r => r.Key));
        var items = Rank("", recent: recent);
        Assert.Equal(["livne2023corgi", "jones2019birds"], Keys(items.Take(2)));
        Assert.Equal(EntryOrigin.Library, items[0].Origin);
        Assert.Equal(EntryOrigin.Bibliography, items[2].Origin); // then the document's own entries before the rest of the library
    }

    [Fact]
    public void Limit_truncates()
    {
        Assert.Equal(3, Rank("", limit: 3).Count);
        Assert.Empty(Rank("", limit: 0));
    }
}
