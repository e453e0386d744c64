using CiteLsp.Core.Diagnostics;

namespace CiteLsp.Tests.Diagnostics;

public class KeySuggesterTests
{
    private static readonly string[] Keys =
    [
        "artetxe-2018-unmt-iclr", "lample-2018-unmt-iclr", "vaswani2017attention", "vaswani2017attentio",
        "smith2020", "smith2021", "smyth2020", "jones2019", "IOzone",
    ];

    [Fact]
    public void A_key_equal_up_to_case_comes_first()
    {
        var closest = KeySuggester.Closest("Artetxe-2018-unmt-iclr", Keys);
        Assert.Equal("artetxe-2018-unmt-iclr", closest[0]);
        Assert.Equal("IOzone", KeySuggester.Closest("iozone", Keys)[0]);
    }

    [Fact]
    public void Typos_rank_by_edit_distance_then_ordinal()
    {
        Assert.Equal(["smith2020", "smith2021", "smyth2020"], KeySuggester.Closest("smiht2020", Keys));
        Assert.Equal(["vaswani2017attention", "vaswani2017attentio"], KeySuggester.Closest("vasvani2017attention", Keys, 2));
    }

    [Fact]
    public void Returns_at_most_the_limit_and_never_the_key_itself()
    {
        Assert.Equal(3, KeySuggester.Closest("smith2022", Keys).Count);
        Assert.Equal(["smith2021", "smyth2020"], KeySuggester.Closest("smith2020", Keys));
    }

    [Fact]
    public void Unrelated_keys_are_not_suggested()
    {
        Assert.Empty(KeySuggester.Closest("zzzzzzzzzzzz", Keys));
        Assert.Empty(KeySuggester.Closest("", Keys));
    }

    [Fact]
    public void Agrees_with_a_brute_force_ranking_on_many_keys()
    {
        var random = new Random(7);
        var keys = Enumerable.Range(0, 3000).Select(_ => new string(Enumerable.Range(0, random.Next(4, 12))
            .Select(_ => (char)('a' + random.Next(6))).ToArray())).Distinct().ToList();
        var catalog = TestCatalogs.Of("/k.bib", [.. keys]);
        foreach (var query in keys.Take(50).Select(k => k[..^1] + "f"))
        {
            var expected = keys.Where(k => k != query)
                .Select(k => (k, d: Quickenshtein.Levenshtein.GetDistance(query, k)))
                .Where(x => x.d <= KeySuggester.MaxDistance(query.Length))
                .OrderBy(x => x.d).ThenBy(x => x.k, StringComparer.Ordinal).Take(3).Select(x => x.k);
            Assert.Equal(expected, KeySuggester.Closest(query, keys));
            Assert.Equal(expected, KeySuggester.Closest(query, catalog));
        }
    }
}
