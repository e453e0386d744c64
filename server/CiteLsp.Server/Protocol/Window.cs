namespace CiteLsp.Server.Protocol;

internal sealed record LogMessageParams(int Type, string Message);

internal static class MessageType
{
    public const int Error = 1;
    public const int Warning = 2;
    public const int Info = 3;
    public const int Log = 4;
}
