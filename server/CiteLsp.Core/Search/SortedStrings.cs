namespace CiteLsp.Core.Search;

/// <summary>Binary searches over ordinally sorted strings.</summary>
internal static class SortedStrings
{
    /// <summary>The half-open index range of the items that start with <paramref name="prefix"/>.</summary>
    public static (int Lo, int Hi) PrefixRange(string[] items, ReadOnlySpan<char> prefix) => PrefixRange(new StringArray(items), prefix);

    public static (int Lo, int Hi) PrefixRange<T>(T items, ReadOnlySpan<char> prefix) where T : ISortedSpans
    {
        int lo = 0, hi = items.Count;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (items[mid].SequenceCompareTo(prefix) < 0) lo = mid + 1; else hi = mid;
        }
        int end = lo, top = items.Count;
        while (end < top)
        {
            var mid = (end + top) >>> 1;
            if (items[mid].StartsWith(prefix)) end = mid + 1; else top = mid;
        }
        return (lo, end);
    }

    /// <summary>Index of the exact item, or -1.</summary>
    public static int Find(string[] items, ReadOnlySpan<char> item)
    {
        var (lo, hi) = PrefixRange(items, item);
        return lo < hi && items[lo].Length == item.Length ? lo : -1;
    }

    private readonly struct StringArray(string[] items) : ISortedSpans
    {
        public int Count => items.Length;
        public ReadOnlySpan<char> this[int i] => items[i];
    }
}
