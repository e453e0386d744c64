namespace CiteLsp.Fuzz.Engine;

/// <summary>A property broken by an input (as opposed to an exception thrown by the code under test).</summary>
internal sealed class FuzzCheckException(string property, string detail) : Exception($"{property}: {detail}")
{
    /// <summary>Stable name used to group failures ("span-inside-text", "roundtrip-title", …).</summary>
    public string Property { get; } = property;
}
