using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class ShutdownHandler(Session session)
{
    [JsonRpcMethod(Methods.Shutdown)]
    public void Shutdown()
    {
        session.ShutdownRequested = true;
        session.Log.Info("shutdown requested");
    }
}
