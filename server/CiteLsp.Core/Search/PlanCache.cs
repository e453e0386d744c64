namespace CiteLsp.Core.Search;

/// <summary>The plans of the last few query tokens of one index: typing re-plans every earlier word of the query at
/// each keystroke, and a plan (a scan of the term dictionary) depends only on the token and the immutable index.</summary>
internal sealed class PlanCache(Func<string, TokenPlan> plan)
{
    private const int Capacity = 32;
    private readonly (string Token, TokenPlan Plan)?[] _slots = new (string, TokenPlan)?[Capacity];
    private readonly Lock _lock = new();
    private int _next;

    public TokenPlan Get(string token)
    {
        lock (_lock)
            foreach (var slot in _slots)
                if (slot is { } s && string.Equals(s.Token, token, StringComparison.Ordinal)) return s.Plan;
        var made = plan(token);
        lock (_lock)
        {
            _slots[_next] = (token, made);
            _next = (_next + 1) % Capacity;
        }
        return made;
    }
}
