using System.Collections.Concurrent;
using System.Diagnostics.Tracing;

/// <summary>The runtime's allocation samples (one event per ~100 KB allocated, naming the type that crossed the mark),
/// summed by type: where a phase's allocations go, without a profiler.</summary>
internal sealed class AllocationSampler : EventListener
{
    private const EventKeywords GcKeyword = (EventKeywords)0x1;
    private readonly ConcurrentDictionary<string, long> _byType = new();

    protected override void OnEventSourceCreated(EventSource source)
    {
        if (source.Name == "Microsoft-Windows-DotNETRuntime") EnableEvents(source, EventLevel.Verbose, GcKeyword);
    }

    protected override void OnEventWritten(EventWrittenEventArgs e)
    {
        if (e.EventName is not { } name || !name.StartsWith("GCAllocationTick", StringComparison.Ordinal) || e.PayloadNames is not { } names) return;
        var type = e.Payload![names.IndexOf("TypeName")] as string ?? "?";
        var bytes = Convert.ToInt64(e.Payload[names.IndexOf("AllocationAmount64")]);
        _byType.AddOrUpdate(type, bytes, (_, sum) => sum + bytes);
    }

    /// <summary>The sums since the last call, biggest first.</summary>
    public IReadOnlyList<(string Type, long Bytes)> Take()
    {
        var taken = _byType.ToArray();
        _byType.Clear();
        return taken.OrderByDescending(kv => kv.Value).Select(kv => (kv.Key, kv.Value)).ToList();
    }
}
