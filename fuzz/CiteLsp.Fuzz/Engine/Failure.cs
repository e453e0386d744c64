namespace CiteLsp.Fuzz.Engine;

/// <summary>A distinct failure: its signature (exception type and where it was thrown, or the broken property), one input, and how often it recurred.</summary>
internal sealed record Failure(string Signature, string Message, byte[] Input, byte[] Minimized)
{
    public int Count { get; set; } = 1;
    public string? SavedAs { get; set; }

    /// <summary>Groups failures: the broken property, or the exception type and its first frame in our code.</summary>
    public static string SignatureOf(Exception ex)
    {
        if (ex is FuzzCheckException check) return "property " + check.Property;
        var frame = ex.StackTrace?.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.Contains("CiteLsp.", StringComparison.Ordinal) && !l.Contains("CiteLsp.Fuzz", StringComparison.Ordinal))
            ?? ex.StackTrace?.Split('\n').FirstOrDefault()?.Trim() ?? "";
        var at = frame.IndexOf(" in ", StringComparison.Ordinal);
        return ex.GetType().Name + " " + (at > 0 ? frame[..at] : frame);
    }
}
