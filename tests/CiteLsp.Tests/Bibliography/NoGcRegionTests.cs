using System.Runtime;
using System.Runtime.CompilerServices;
using CiteLsp.Core.Bibliography;
using Xunit;

namespace CiteLsp.Tests.Bibliography;

/// <summary>A GC region holds the whole process: these tests run alone, so no other test's parse starts or ends one meanwhile.</summary>
[CollectionDefinition(nameof(NoGcRegionTests), DisableParallelization = true)]
public sealed class NoGcRegionCollection;

[Collection(nameof(NoGcRegionTests))]
public sealed class NoGcRegionTests
{
    [Fact]
    public void Past_the_budget_the_parse_garbage_is_collected_then_the_GC_is_held_off_again_for_the_index()
    {
        var (garbageAlive, held) = (true, false);
        GarbageThenCollectBeforeIndex(headroom: 0, garbage => (garbageAlive, held) = (garbage.IsAlive, Held()));
        Assert.False(garbageAlive, "what the first region let pile up is still there");
        Assert.True(held, "the GC is not held off for the index");
    }

    [Fact]
    public void Within_the_budget_the_region_goes_on_and_nothing_is_collected()
    {
        var (garbageAlive, held) = (false, false);
        GarbageThenCollectBeforeIndex(headroom: 16 << 20, garbage => (garbageAlive, held) = (garbage.IsAlive, Held()));
        Assert.True(garbageAlive, "collected although the index fits in the budget");
        Assert.True(held, "the region did not go on");
    }

    [Fact]
    public void After_a_collection_before_the_index_the_index_garbage_is_collected_once_the_region_ends()
    {
        var (indexGarbageAlive, alive) = IndexGarbageAfterTheRegion(headroom: 0);
        Assert.True(alive, "the index's garbage was collected while the GC was held off");
        Assert.False(indexGarbageAlive, "the index's garbage outlived CollectAfterIndex");
    }

    [Fact]
    public void A_load_that_did_not_collect_before_its_index_does_not_collect_after_it()
    {
        var (indexGarbageAlive, _) = IndexGarbageAfterTheRegion(headroom: 16 << 20);
        Assert.True(indexGarbageAlive, "collected after an index that fitted in the budget");
    }

    [Fact]
    public void An_index_collected_when_it_outgrew_its_region_is_not_collected_again()
    {
        var region = GarbageThenCollectBeforeIndex(headroom: 0, _ =>
        {
            Assert.True(Held(), "no region for the index");
            GC.Collect(); // as the runtime does when an index outgrows the region
        });
        var before = GC.CollectionCount(2);
        region.CollectAfterIndex();
        Assert.Equal(before, GC.CollectionCount(2));
    }

    /// <summary>
    /// A region with 64 MB of garbage made in it, then <see cref="NoGcRegion.CollectBeforeIndex"/> for a lean file of
    /// 16 MB (an index of 12 MB) with a budget <paramref name="headroom"/> above what the heap and that index need, then
    /// <paramref name="inIndexRegion"/> with that garbage, as an index is built. The region ends before this returns it.
    /// </summary>
    private static NoGcRegion GarbageThenCollectBeforeIndex(long headroom, Action<WeakReference> inIndexRegion)
    {
        // Whatever the heap holds: after the whole suite it may pass what Start(bytes) accepts (a CI run failed so).
        var region = NoGcRegion.Start(160 << 20, maxBytes: 160 << 20);
        try
        {
            Assert.True(Held(), $"no region started, with {GC.GetTotalMemory(false) >> 20} MB on the heap");
            var garbage = Garbage(64 << 20);
            region = region.CollectBeforeIndex(16 << 20, lean: true, budget: GC.GetTotalMemory(false) + (12 << 20) + headroom - 1);
            inIndexRegion(garbage);
            return region;
        }
        finally
        {
            region.Dispose();
            Assert.False(Held(), "the region did not end");
        }
    }

    /// <summary>Garbage made in the index's region of <see cref="GarbageThenCollectBeforeIndex"/>, then
    /// <see cref="NoGcRegion.CollectAfterIndex"/>: whether it is alive after, and whether it was just before the region ended.</summary>
    private static (bool IndexGarbageAlive, bool AliveInRegion) IndexGarbageAfterTheRegion(long headroom)
    {
        WeakReference? indexGarbage = null;
        var aliveInRegion = false;
        var region = GarbageThenCollectBeforeIndex(headroom, _ => aliveInRegion = (indexGarbage = Garbage(4 << 20)).IsAlive);
        region.CollectAfterIndex();
        return (indexGarbage!.IsAlive, aliveInRegion);
    }

    private static bool Held() => GCSettings.LatencyMode == GCLatencyMode.NoGCRegion;

    [Fact]
    public void Outside_a_region_nothing_is_collected_and_no_region_starts()
    {
        var region = default(NoGcRegion).CollectBeforeIndex(64 << 20, lean: true, budget: 0);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        region.Dispose();
    }

    /// <summary>Small objects adding up to <paramref name="bytes"/>, dropped at once, as a parse's raw entries are.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference Garbage(int bytes)
    {
        var first = new byte[64];
        for (var made = 64; made < bytes; made += 1024) _ = new byte[1000];
        return new WeakReference(first);
    }
}
