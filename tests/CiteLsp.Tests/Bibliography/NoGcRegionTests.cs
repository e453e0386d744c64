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
    public void CollectAndHold_collects_what_the_region_let_pile_up_then_holds_the_GC_off_again()
    {
        GC.Collect(); // a small heap, so that the region below can start
        var region = NoGcRegion.Start(160 << 20);
        try
        {
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
            var garbage = Garbage(64 << 20);
            region = region.CollectAndHold(16 << 20);
            Assert.False(garbage.IsAlive, "what the first region let pile up is still there");
            Assert.Equal(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        }
        finally { region.Dispose(); }
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }

    /// <summary>Small objects adding up to <paramref name="bytes"/>, dropped at once, as a parse's raw entries are.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference Garbage(int bytes)
    {
        var first = new byte[64];
        for (var made = 64; made < bytes; made += 1024) _ = new byte[1000];
        return new WeakReference(first);
    }

    [Fact]
    public void CollectAndHold_outside_a_region_neither_collects_nor_starts_one()
    {
        var region = default(NoGcRegion).CollectAndHold(64 << 20);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        region.Dispose();
    }
}
