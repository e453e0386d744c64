using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class DidChangeConfigurationHandler(Session session)
{
    [JsonRpcMethod(Methods.WorkspaceDidChangeConfiguration, UseSingleObjectParameterDeserialization = true)]
    public Task DidChangeConfiguration(DidChangeConfigurationParams request) => session.Settings.RefreshAsync(request.Settings);
}
