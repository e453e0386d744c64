using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class ExitHandler(Session session)
{
    /// <summary>Ends the process: exit code 0 if shutdown came first, else 1 (see LspHost).</summary>
    [JsonRpcMethod(Methods.Exit)]
    public void Exit() => session.Exited.TrySetResult();
}
