namespace CiteLsp.Core.Search;

/// <summary>Keeps the best K of a stream under an order, with a heap whose root is the worst kept item.</summary>
internal sealed class TopK(int k, IComparer<(double Score, int Entry)> order)
{
    private readonly PriorityQueue<(double Score, int Entry), (double Score, int Entry)> _heap =
        new(Comparer<(double Score, int Entry)>.Create((a, b) => order.Compare(b, a)));
    /// <summary>The root's score once the heap is full: every order ranks a lower score after it (most offers stop here).</summary>
    private double _floor = double.NegativeInfinity;

    public void Offer(double score, int entry)
    {
        if (score < _floor) return;
        var item = (score, entry);
        if (_heap.Count < k) _heap.Enqueue(item, item);
        else if (order.Compare(item, _heap.Peek()) < 0) _heap.EnqueueDequeue(item, item);
        if (_heap.Count == k) _floor = _heap.Peek().Score;
    }

    /// <summary>The kept items, best first.</summary>
    public List<(double Score, int Entry)> Drain()
    {
        var list = new List<(double Score, int Entry)>(_heap.Count);
        while (_heap.Count > 0) list.Add(_heap.Dequeue());
        list.Reverse();
        return list;
    }
}
