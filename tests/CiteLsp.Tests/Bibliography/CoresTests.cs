using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Bibliography;

public class CoresTests
{
    [Theory]
    [InlineData(0, 2)]
    [InlineData(10, 2)]
    [InlineData(100_001, 2)]
    [InlineData(100_001, 3)]
    [InlineData(7, 16)]
    [InlineData(1_000_003, 16)]
    public void Every_index_is_visited_exactly_once(int count, int parts)
    {
        foreach (var run in (Action<int, Action<int, int>>[])[Cores.Parts, (n, work) => Cores.Parts(n, parts, work)])
        {
            var visits = new int[count];
            run(count, (from, to) =>
            {
                for (var i = from; i < to; i++) Interlocked.Increment(ref visits[i]);
            });
            Assert.All(visits, v => Assert.Equal(1, v));
        }
    }

    [Fact]
    public void A_failure_in_any_part_comes_out_as_thrown_after_the_running_parts_ended()
    {
        foreach (var failing in (int[])[0, 40_000, 99_999])
        {
            int started = 0, finished = 0;
            var ex = Assert.Throws<InvalidDataException>(() => Cores.Parts(100_000, 4, (from, to) =>
            {
                Interlocked.Increment(ref started);
                Thread.Sleep(20);
                if (from <= failing && failing < to) throw new InvalidDataException($"bad {failing}");
                Interlocked.Increment(ref finished);
            }));
            Assert.Equal($"bad {failing}", ex.Message);
            Assert.Equal(started - 1, finished); // nothing still running; parts not started after a failure are skipped
        }
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(1, 3)]
    [InlineData(7, 16)]
    [InlineData(10_000, 1)]
    [InlineData(10_000, 2)]
    [InlineData(10_001, 3)]
    [InlineData(100_003, 5)]
    [InlineData(100_003, 16)]
    public void A_sort_in_runs_on_all_cores_is_one_sort(int count, int runs)
    {
        var random = new Random(count + runs);
        var items = Enumerable.Range(0, count).Select(_ => random.Next(count / 3 + 1)).ToArray();
        var expected = items.Order().ToArray();
        Assert.Equal(expected, Cores.Sort((int[])items.Clone(), runs));
        Assert.Equal(expected, Cores.Sort(items));
    }

    [Fact]
    public void Each_part_s_items_start_where_the_parts_before_end()
    {
        var ran = new int[5];
        Assert.Equal([0, 1, 3, 6, 10, 15], Cores.Starts(5, p => Interlocked.Increment(ref ran[p]) * (p + 1)));
        Assert.All(ran, r => Assert.Equal(1, r));
        Assert.Equal([0], Cores.Starts(0, _ => throw new InvalidOperationException("no part to count")));
    }

    [Fact]
    public void Both_pieces_run_once_and_have_ended_when_it_returns()
    {
        for (var round = 0; round < 50; round++)
        {
            int here = 0, there = 0;
            Cores.Run(() => Interlocked.Increment(ref here), () => { Thread.SpinWait(round * 100); Interlocked.Increment(ref there); });
            Assert.Equal((1, 1), (here, there));
        }
    }
}
