using CiteLsp.Server.Lsp;

namespace CiteLsp.Tests.Server;

/// <summary>When the server gives memory back (the end-to-end check is ProtocolAbuseTests' didChange storm).</summary>
public class IdleMemoryTests
{
    private const long Mb = 1 << 20;

    [Theory]
    [InlineData(2, 40, 60, true)]     // a small heap after a burst: 2 quiet seconds are enough
    [InlineData(0, 40, 60, false)]    // still busy
    [InlineData(2, 8, 60, false)]     // too little allocated since the last trim to be worth it
    [InlineData(2, 400, 300, false)]  // a 100k library's heap: a pause of ~0.2 s waits for a longer quiet
    [InlineData(30, 400, 300, true)]
    [InlineData(60, 4000, 900, false)] // a million entries: never
    public void Trims_after_a_burst_once_the_server_is_quiet(int quietSeconds, long allocatedMb, long heapMb, bool trims) =>
        Assert.Equal(trims, IdleMemory.ShouldTrim(TimeSpan.FromSeconds(quietSeconds), allocatedMb * Mb, heapMb * Mb));
}
