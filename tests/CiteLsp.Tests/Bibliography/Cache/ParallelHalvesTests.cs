using CiteLsp.Core.Bibliography.Cache;

namespace CiteLsp.Tests.Bibliography.Cache;

public class ParallelHalvesTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100_001)]
    public void Every_index_is_visited_exactly_once(int count)
    {
        var visits = new int[count];
        ParallelHalves.Run(count, (from, to) =>
        {
            for (var i = from; i < to; i++) Interlocked.Increment(ref visits[i]);
        });
        Assert.All(visits, v => Assert.Equal(1, v));
    }

    [Fact]
    public void A_failure_in_either_half_comes_out_as_thrown_after_both_halves_ended()
    {
        foreach (var failing in (int[])[0, 99_999])
        {
            var done = 0;
            var ex = Assert.Throws<InvalidDataException>(() => ParallelHalves.Run(100_000, (from, to) =>
            {
                Thread.Sleep(20);
                if (from <= failing && failing < to) throw new InvalidDataException($"bad {failing}");
                Interlocked.Increment(ref done);
            }));
            Assert.Equal($"bad {failing}", ex.Message);
            Assert.Equal(1, done); // the other half ran to its end before Run returned
        }
    }
}
