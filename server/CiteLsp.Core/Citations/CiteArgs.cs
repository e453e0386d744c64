namespace CiteLsp.Core.Citations;

/// <summary>Where a cite command keeps its keys.</summary>
public enum CiteArgs
{
    /// <summary>\cite[pre][post]{keys}: the first mandatory argument.</summary>
    First,
    /// <summary>\volcite[pre]{volume}[pages]{key}: the second mandatory argument.</summary>
    Second,
    /// <summary>\cites(pre)(post)[pre][post]{a}[pre][post]{b}: every mandatory argument.</summary>
    Multi,
}
