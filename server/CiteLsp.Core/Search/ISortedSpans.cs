namespace CiteLsp.Core.Search;

/// <summary>Items in ordinal order, read as spans (<see cref="SortedStrings"/> searches them).</summary>
internal interface ISortedSpans
{
    int Count { get; }
    ReadOnlySpan<char> this[int i] { get; }
}
