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
        var (garbageAlive, held) = GarbageThenCollectBeforeIndex(headroom: 0);
        Assert.False(garbageAlive, "what the first region let pile up is still there");
        Assert.True(held, "the GC is not held off for the index");
    }

    [Fact]
    public void Within_the_budget_the_region_goes_on_and_nothing_is_collected()
    {
        var (garbageAlive, held) = GarbageThenCollectBeforeIndex(headroom: 16 << 20);
        Assert.True(garbageAlive, "collected although the index fits in the budget");
        Assert.True(held, "the region did not go on");
    }

    /// <summary>
    /// A region with 64 MB of garbage made in it, then <see cref="NoGcRegion.CollectBeforeIndex"/> for a lean file of
    /// 16 MB (an index of 12 MB) with a budget <paramref name="headroom"/> above what the heap and that index need:
    /// whether the garbage is still there, and whether the GC is held off after. The region ends before this returns.
    /// </summary>
    private static (bool GarbageAlive, bool Held) GarbageThenCollectBeforeIndex(long headroom)
    {
        // Whatever the heap holds: after the whole suite it may pass what Start(bytes) accepts (a CI run failed so).
        var region = NoGcRegion.Start(160 << 20, maxBytes: 160 << 20);
        try
        {
            Assert.True(GCSettings.LatencyMode == GCLatencyMode.NoGCRegion, $"no region started, with {GC.GetTotalMemory(false) >> 20} MB on the heap");
            var garbage = Garbage(64 << 20);
            region = region.CollectBeforeIndex(16 << 20, lean: true, budget: GC.GetTotalMemory(false) + (12 << 20) + headroom - 1);
            return (garbage.IsAlive, GCSettings.LatencyMode == GCLatencyMode.NoGCRegion);
        }
        finally
        {
            region.Dispose();
            Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
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
        var region = NoGcRegion.Start(160 << 20, maxBytes: 160 << 20);
        try
        {
            Assert.True(GCSettings.LatencyMode == GCLatencyMode.NoGCRegion, $"no region started, with {GC.GetTotalMemory(false) >> 20} MB on the heap");
            Garbage(64 << 20);
            region = region.CollectBeforeIndex(16 << 20, lean: true, budget: 0);
            Assert.True(GCSettings.LatencyMode == GCLatencyMode.NoGCRegion, "no region for the index");
            GC.Collect(); // as the runtime does when an index outgrows the region
        }
        finally { region.Dispose(); }
        var before = GC.CollectionCount(2);
        region.CollectAfterIndex();
        Assert.Equal(before, GC.CollectionCount(2));
    }

    /// <summary>
    /// <see cref="GarbageThenCollectBeforeIndex"/>'s region, then garbage made in the index's part of it, the region
    /// ended and <see cref="NoGcRegion.CollectAfterIndex"/> called: whether that garbage was alive just before the
    /// region ended, and whether it is after.
    /// </summary>
    private static (bool IndexGarbageAlive, bool AliveInRegion) IndexGarbageAfterTheRegion(long headroom)
    {
        var region = NoGcRegion.Start(160 << 20, maxBytes: 160 << 20);
        WeakReference indexGarbage;
        bool aliveInRegion;
        try
        {
            Assert.True(GCSettings.LatencyMode == GCLatencyMode.NoGCRegion, $"no region started, with {GC.GetTotalMemory(false) >> 20} MB on the heap");
            Garbage(64 << 20);
            region = region.CollectBeforeIndex(16 << 20, lean: true, budget: GC.GetTotalMemory(false) + (12 << 20) + headroom - 1);
            indexGarbage = Garbage(4 << 20);
            aliveInRegion = indexGarbage.IsAlive;
        }
        finally { region.Dispose(); }
        region.CollectAfterIndex();
        return (indexGarbage.IsAlive, aliveInRegion);
    }

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
