namespace CiteLsp.Server.Protocol;

internal sealed record LogMessageParams(int Type, string Message);

internal static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}

internal sealed record WorkDoneProgressCreateParams(string Token);

/// <summary>$/progress: <see cref="Value"/> is one of the WorkDoneProgress records below.</summary>
internal sealed record ProgressParams(string Token, object Value);

internal sealed record WorkDoneProgressBegin(string Title, string? Message, bool Cancellable = false)
{
    public string Kind => "begin";
}

internal sealed record WorkDoneProgressReport(string? Message)
{
    public string Kind => "report";
}

internal sealed record WorkDoneProgressEnd(string? Message)
{
    public string Kind => "end";
}
