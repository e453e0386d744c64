using StreamJsonRpc;

namespace CiteLsp.Server.Protocol;

/// <summary>Required fields of incoming params: a missing one is InvalidParams, not a NullReferenceException.</summary>
internal static class Params
{
    public static T Require<T>(T? value, string name) where T : class =>
        value ?? throw new LocalRpcException($"missing required parameter '{name}'") { ErrorCode = ErrorCodes.InvalidParams };
}
