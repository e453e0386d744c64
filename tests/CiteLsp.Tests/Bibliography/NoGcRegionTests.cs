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
