using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Bibliography;

public class BothCoresTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(100_001)]
    public void Every_index_is_visited_exactly_once(int count)
    {
        var visits = new int[count];
        BothCores.Halves(count, (from, to) =>
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
            int started = 0, finished = 0;
            var ex = Assert.Throws<InvalidDataException>(() => BothCores.Halves(100_000, (from, to) =>
            {
                Interlocked.Increment(ref started);
                Thread.Sleep(20);
                if (from <= failing && failing < to) throw new InvalidDataException($"bad {failing}");
                Interlocked.Increment(ref finished);
            }));
            Assert.Equal($"bad {failing}", ex.Message);
            Assert.Equal(started - 1, finished); // nothing still running; the half not started after a failure is skipped
        }
    }

    [Fact]
    public void Both_pieces_run_once_and_have_ended_when_it_returns()
    {
        for (var round = 0; round < 50; round++)
        {
            int here = 0, there = 0;
            BothCores.Run(() => Interlocked.Increment(ref here), () => { Thread.SpinWait(round * 100); Interlocked.Increment(ref there); });
            Assert.Equal((1, 1), (here, there));
        }
    }
}
