using System.Reflection;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;

namespace CiteLsp.Server.Lsp;

/// <summary>
/// JsonRpc with LSP error reporting: an unexpected exception is logged (with its stack) to stderr and the
/// client gets InternalError with the message only, instead of StreamJsonRpc's default stack trace in error.data.
/// </summary>
internal sealed class LspJsonRpc(IJsonRpcMessageHandler handler, Logger log) : JsonRpc(handler)
{
    protected override JsonRpcError.ErrorDetail CreateErrorDetails(JsonRpcRequest request, Exception exception)
    {
        if (exception is TargetInvocationException { InnerException: { } inner }) exception = inner;
        if (exception is LocalRpcException) return base.CreateErrorDetails(request, exception);
        log.Error($"{request.Method} failed: {exception.Message}", exception.ToString());
        return new JsonRpcError.ErrorDetail { Code = (JsonRpcErrorCode)ErrorCodes.InternalError, Message = $"{request.Method} failed: {exception.Message}" };
    }
}
