using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Tests.Search;

public class SearchIndexTests
{
    private static Entry E(string key, string title, string authors = "", int? year = null, string? venue = null, string? abs = null) => new()
    {
        Key = key,
        Title = title,
        Authors = authors.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(a => a.Split(',', StringSplitOptions.TrimEntries) is var p && p.Length > 1 ? new Person(p[0], p[1]) : new Person(p[0])).ToList(),
        Date = new PartialDate(year),
        Venue = venue,
        Abstract = abs,
    };

    private static readonly Entry[] Small =
    [
        E("nakkiran2019deep", "Deep Double Descent: Where Bigger Models and More Data Hurt", "Nakkiran, Preetum; Kaplun, Gal", 2019, "ICLR"),
        E("goedel1931", "Über formal unentscheidbare Sätze", "Gödel, Kurt", 1931, "Monatshefte für Mathematik"),
        E("schrodinger1935", "Die gegenwärtige Situation in der Quantenmechanik", "Schrödinger, Erwin", 1935),
        E("smith2020a", "Learning Machines", "Smith, Ann", 2020),
        E("jones2020b", "Smith Machines Revisited", "Jones, Bob", 2020),
        E("doe2018", "A Study of Descent", "Doe, Jane", 2018, abs: "we revisit double descent in kernels"),
    ];

    private static SearchIndex Index(params Entry[] entries) => SearchIndex.Build(entries.Length == 0 ? Small : entries);

    private static List<string> Keys(IReadOnlyList<SearchHit> hits) => hits.Select(h => h.Entry.Key).ToList();

    [Theory]
    [InlineData("godel")]
    [InlineData("GÖDEL")]
    [InlineData("uber formal")]
    public void Accents_and_case_are_ignored(string query) => Assert.Equal("goedel1931", Keys(Index().Search(query, 5))[0]);

    [Fact]
    public void Schrodinger_finds_Schroedinger_with_the_accented_range_highlighted()
    {
        var hit = Index().Search("schrodinger", 5)[0];
        Assert.Equal("schrodinger1935", hit.Entry.Key);
        var (text, _, ranges) = Markup.Parse("Erwin [|Schrödinger|]");
        Assert.Equal(text, MatchHighlighter.AuthorsText(hit.Entry));
        Assert.Contains(new FieldMatch("author", ranges[0].Start, ranges[0].Length), hit.Matches);
    }

    [Fact]
    public void Every_token_must_match_somewhere()
    {
        Assert.Empty(Index().Search("deep zzzzzz", 5));
        Assert.Single(Index().Search("deep nakkiran", 5));
    }

    [Fact]
    public void Token_order_does_not_matter() =>
        Assert.Equal(Keys(Index().Search("descent double", 5)), Keys(Index().Search("double descent", 5)));

    [Fact]
    public void First_author_outranks_the_same_word_in_a_title() =>
        Assert.Equal(["smith2020a", "jones2020b"], Keys(Index().Search("smith machines", 5)));

    [Fact]
    public void Abstract_words_match_but_below_title_words()
    {
        var keys = Keys(Index().Search("double descent", 5));
        Assert.Equal(["nakkiran2019deep", "doe2018"], keys);
    }

    [Fact]
    public void Transposed_and_missing_letters_are_forgiven_from_four_letters()
    {
        Assert.Equal("nakkiran2019deep", Keys(Index().Search("dobule", 5))[0]);
        Assert.Equal("nakkiran2019deep", Keys(Index().Search("bigr models", 5))[0]);
        Assert.DoesNotContain(Index().Search("deo", 5), h => h.Entry.Key == "doe2018"); // 3 letters: "doe" is not a typo away
    }

    [Theory]
    [InlineData("quantex", "schrodinger1935", 1)]  // a wrong letter in a word's beginning, one the word lacks
    [InlineData("unenzsxh", "goedel1931", 2)]      // two of them, from eight letters
    public void A_word_beginning_with_wrong_letters_still_matches(string query, string key, int edits)
    {
        var hit = Assert.Single(Index().Search(query, 5));
        Assert.Equal(key, hit.Entry.Key);
        Assert.Equal(MatchQuality.Typo(edits, prefix: true) * FieldWeights.Of[(int)PostingField.Title], hit.Score, 5);
    }

    [Fact]
    public void Two_word_prefixes_run_together_match_across_fields()
    {
        var hit = Index().Search("kapdoub", 5).Single();
        Assert.Equal("nakkiran2019deep", hit.Entry.Key);
        Assert.Contains(hit.Matches, m => m.Field == "title" && m.Start == 5 && m.Length == 4); // "Doub"
        Assert.Contains(hit.Matches, m => m.Field == "author" && m.Length == 3); // "Kap"
    }

    [Fact]
    public void Key_with_digits_stays_whole_when_a_key_starts_with_it_and_splits_otherwise()
    {
        var whole = Index().Search("nakkiran2019d", 5).Single();
        Assert.Contains(new FieldMatch("key", 0, 13), whole.Matches);
        Assert.Equal("nakkiran2019deep", Keys(Index().Search("nakkiran19", 5)).Single()); // "19" → 2019
    }

    [Fact]
    public void Matched_ranges_point_into_the_displayed_title()
    {
        var hit = Index().Search("deep doub", 1)[0];
        var (text, _, ranges) = Markup.Parse("[|Deep|] [|Doub|]le Descent: Where Bigger Models and More Data Hurt");
        Assert.Equal(text, hit.Entry.Title);
        foreach (var (start, length) in ranges) Assert.Contains(new FieldMatch("title", start, length), hit.Matches);
    }

    [Fact]
    public void Ties_break_by_newer_year_then_key()
    {
        var index = Index(E("b2020", "Graphs", year: 2020), E("a2020", "Graphs", year: 2020), E("c2021", "Graphs", year: 2021), E("d", "Graphs"));
        Assert.Equal(["c2021", "a2020", "b2020", "d"], Keys(index.Search("graphs", 10)));
    }

    [Fact]
    public void Empty_query_lists_recent_keys_first_then_alphabetically()
    {
        var recent = new Dictionary<string, int> { ["smith2020a"] = 1, ["jones2020b"] = 0 };
        var hits = Keys(Index().Search("", 10, new SearchOptions { RecentKeys = recent }));
        Assert.Equal(["jones2020b", "smith2020a", "doe2018", "goedel1931", "nakkiran2019deep", "schrodinger1935"], hits);
        Assert.Equal(["doe2018", "goedel1931"], Keys(Index().Search("  ", 2)));
    }

    [Fact]
    public void Boost_can_push_an_entry_last()
    {
        var options = new SearchOptions { Boost = e => e.Key == "smith2020a" ? -100 : 0 };
        Assert.Equal(["jones2020b", "smith2020a"], Keys(Index().Search("machines", 5, options)));
        Assert.Equal("smith2020a", Keys(Index().Search("", 10, options))[^1]);
    }

    [Fact]
    public void Limit_and_bad_input_never_throw()
    {
        Assert.Empty(Index().Search("deep", 0));
        Assert.Empty(SearchIndex.Build([]).Search("deep", 5));
        Assert.DoesNotContain(Index().Search("\u0301\u0000", 5), h => h.Score > 0);
        Assert.Single(Index().Search("deep", 1));
    }

    [Fact]
    public void A_pasted_paragraph_is_cut_to_its_first_words()
    {
        var query = string.Join(' ', Enumerable.Repeat("deep", 500)) + " " + new string('x', 10_000);
        Assert.Equal("nakkiran2019deep", Keys(Index().Search(query, 5)).Single());
    }

    [Fact]
    public void Concurrent_searches_on_one_index_agree_with_sequential_ones()
    {
        var index = Index();
        string[] queries = ["deep", "dobule", "godel", "smith machines", "kapdoub", "", "desc", "2020", "nakkiran19"];
        var expected = queries.Select(q => string.Join(",", Keys(index.Search(q, 10)))).ToArray();
        var got = new string[queries.Length * 50];
        Parallel.For(0, got.Length, i => got[i] = string.Join(",", Keys(index.Search(queries[i % queries.Length], 10))));
        for (var i = 0; i < got.Length; i++) Assert.Equal(expected[i % queries.Length], got[i]);
    }

    [Fact]
    public void Cancelled_search_throws()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Index().Search("deep", 5, null, cts.Token));
    }

    [Fact]
    public void Rare_and_common_token_intersect_exactly_on_a_large_catalog()
    {
        // 20k entries with "common" in every title: its long postings list is intersected by galloping,
        // so "common w77" must find exactly what "w77" alone (a plain scan) finds.
        var rng = new Random(5);
        var words = new[] { "alpha", "beta", "gamma", "delta", "omega", "sigma", "kappa", "theta" };
        var entries = Enumerable.Range(0, 20_000).Select(i =>
            E($"k{i}", $"common {words[rng.Next(8)]} {words[rng.Next(8)]} w{rng.Next(2000)}", "Author, A", 2000 + i % 20)).ToArray();
        var index = SearchIndex.Build(entries);
        var alone = Keys(index.Search("w77", 10_000)).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("k" + Array.FindIndex(entries, e => e.Title.EndsWith(" w77", StringComparison.Ordinal)), alone);
        Assert.Equal(alone, Keys(index.Search("common w77", 10_000)).Order(StringComparer.Ordinal).ToList());
        Assert.Equal(alone, Keys(index.Search("w77 common", 10_000)).Order(StringComparer.Ordinal).ToList());
    }
}
