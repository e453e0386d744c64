using CiteLsp.Core.Search;

namespace CiteLsp.Tests.Search;

public class SubsequenceTests
{
    [Fact]
    public void No_match_scores_minus_one() => Assert.Equal(-1, Subsequence.Score("descent", default, "dx"));

    [Fact]
    public void Consecutive_run_beats_scattered_letters() =>
        Assert.True(Subsequence.Score("descent", default, "desc") > Subsequence.Score("descent", default, "dsnt"));

    [Fact]
    public void Letters_at_boundaries_beat_letters_inside_words()
    {
        // "nd" hits the n of "nakkiran" and the d of "deep" (both word starts) in the first key only.
        var boundaries = Subsequence.Score("nakkiran2019deep", "nakkiran2019deep", "n2d");
        var inside = Subsequence.Score("nakkiranxxxxdeep", "nakkiranxxxxdeep", "nxd");
        Assert.True(boundaries > inside, $"{boundaries} <= {inside}");
    }

    [Fact]
    public void CamelCase_humps_count_as_boundaries()
    {
        var camel = Subsequence.Score("nakkirandeepdouble", "NakkiranDeepDouble", "ndd");
        var flat = Subsequence.Score("nakkirandeepdouble", "nakkirandeepdouble", "ndd");
        Assert.True(camel > flat);
    }

    [Fact]
    public void Positions_report_the_tightest_window()
    {
        Span<int> positions = stackalloc int[3];
        Subsequence.Score("aabc", default, "abc", positions);
        Assert.Equal([1, 2, 3], positions.ToArray()); // fzf v1 tightens backwards from the first complete match's end
    }
}
