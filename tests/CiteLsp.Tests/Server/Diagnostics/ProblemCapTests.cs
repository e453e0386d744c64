using CiteLsp.Server.Diagnostics;
using CiteLsp.Server.Protocol;
using Range = CiteLsp.Server.Protocol.Range;

namespace CiteLsp.Tests.Server.Diagnostics;

public class ProblemCapTests
{
    private static Diagnostic At(int line) => new(new Range(new Position(line, 2), new Position(line, 5)), DiagnosticSeverity.Error, "bib-syntax", "citelsp", $"line {line}");

    [Fact]
    public void Up_to_the_cap_every_problem_is_published_as_given()
    {
        var all = Enumerable.Range(0, ProblemCap.Max).Select(i => At(ProblemCap.Max - i)).ToList();
        Assert.Same(all, ProblemCap.Apply(all, "/lib/refs.bib"));
    }

    [Fact]
    public void Past_the_cap_the_first_by_position_are_kept_and_one_more_line_counts_the_rest_where_they_start()
    {
        // Reported out of order, as a file's windows joined or inherited fields may report them.
        var all = Enumerable.Range(0, ProblemCap.Max + 250).Select(i => At((i * 7919) % (ProblemCap.Max + 250))).ToList();
        var published = ProblemCap.Apply(all, "/lib/refs.bib");

        Assert.Equal(ProblemCap.Max + 1, published.Count);
        Assert.Equal(Enumerable.Range(0, ProblemCap.Max), published.Take(ProblemCap.Max).Select(d => d.Range.Start.Line));
        var more = published[^1];
        Assert.Equal((ProblemCap.Code, DiagnosticSeverity.Information, ProblemCap.Max), (more.Code, more.Severity, more.Range.Start.Line));
        Assert.Equal("250 more problems from here on are not shown (the first 1,000 are); `citelsp check refs.bib` lists them all", more.Message);
    }
}
