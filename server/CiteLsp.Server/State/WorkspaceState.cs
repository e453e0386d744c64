namespace CiteLsp.Server.State;

/// <summary>
/// Holds the current <see cref="WorkspaceSnapshot"/> and swaps it atomically. Writers (the synchronous text
/// sync handlers and the background catalog loader) pass a pure update function that is retried if another
/// writer won the race; readers just take <see cref="Current"/>.
/// </summary>
internal sealed class WorkspaceState
{
    private WorkspaceSnapshot _current = WorkspaceSnapshot.Empty;

    public WorkspaceSnapshot Current => Volatile.Read(ref _current);

    /// <summary>Raised after each successful swap with (before, after); handlers must be quick and not throw.</summary>
    public event Action<WorkspaceSnapshot, WorkspaceSnapshot>? Changed;

    public WorkspaceSnapshot Update(Func<WorkspaceSnapshot, WorkspaceSnapshot> update)
    {
        while (true)
        {
            var before = Current;
            var after = update(before);
            if (ReferenceEquals(before, after)) return before;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _current, after, before), before))
            {
                Changed?.Invoke(before, after);
                return after;
            }
        }
    }
}
