using CiteLsp.Core.Search;
using Quickenshtein;

namespace CiteLsp.Tests.Search;

public class EditDistanceTests
{
    [Theory]
    [InlineData("dobule", "double", 1)] // adjacent transposition counts one
    [InlineData("desent", "descent", 1)] // missing letter
    [InlineData("kaplun", "kaplun", 0)]
    [InlineData("zabrady", "zabradi", 1)]
    [InlineData("ratonalty", "rationality", 2)]
    [InlineData("abc", "xyz", 3)]
    public void Osa_distance_of_examples(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Osa(a, b, max: 5));

    [Fact]
    public void Distance_above_the_bound_reports_bound_plus_one() =>
        Assert.Equal(2, EditDistance.Osa("kitten", "sitting", max: 1));

    [Fact]
    public void Prefix_mode_measures_against_the_closest_prefix()
    {
        Assert.Equal(1, EditDistance.Osa("dobu", "double", 2, prefixOfB: true));
        Assert.Equal(0, EditDistance.Osa("doub", "double", 2, prefixOfB: true));
        Assert.Equal(3, EditDistance.Osa("xyzw", "double", 2, prefixOfB: true));
    }

    [Fact]
    public void Agrees_with_plain_levenshtein_bounds_on_random_strings()
    {
        var rng = new Random(11);
        for (var n = 0; n < 3000; n++)
        {
            var a = Word(rng); var b = Word(rng);
            var osa = EditDistance.Osa(a, b, max: 20);
            var lev = Levenshtein.GetDistance(a, b);
            // A transposition is one OSA edit but two Levenshtein edits; nothing else differs.
            Assert.InRange(osa, (lev + 1) / 2, lev);
            if (!HasAdjacentSwapCandidate(a, b)) Assert.Equal(lev, osa);
            var prefix = Enumerable.Range(0, b.Length + 1).Min(j => EditDistance.Osa(a, b.AsSpan(0, j), max: 20));
            Assert.Equal(prefix, EditDistance.Osa(a, b, max: 20, prefixOfB: true));
        }
    }

    [Theory]
    [InlineData(3, 0)]
    [InlineData(4, 1)]
    [InlineData(7, 1)]
    [InlineData(8, 2)]
    public void Budget_grows_with_token_length(int length, int edits) => Assert.Equal(edits, EditDistance.Budget(length));

    private static string Word(Random rng) => new([.. Enumerable.Range(0, rng.Next(0, 9)).Select(_ => "abcd"[rng.Next(4)])]);

    /// <summary>Without any "xy"/"yx" pair across the strings a transposition can never help.</summary>
    private static bool HasAdjacentSwapCandidate(string a, string b)
    {
        for (var i = 0; i + 1 < a.Length; i++)
            for (var j = 0; j + 1 < b.Length; j++)
                if (a[i] == b[j + 1] && a[i + 1] == b[j] && a[i] != a[i + 1]) return true;
        return false;
    }
}
