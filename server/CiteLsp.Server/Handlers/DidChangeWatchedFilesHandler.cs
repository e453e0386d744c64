using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class DidChangeWatchedFilesHandler(Session session)
{
    [JsonRpcMethod(Methods.WorkspaceDidChangeWatchedFiles, UseSingleObjectParameterDeserialization = true)]
    public void DidChangeWatchedFiles(DidChangeWatchedFilesParams request)
    {
        foreach (var change in Params.Require(request?.Changes, "changes")) session.Catalogs.FileChanged(DocumentUri.ToPath(change.Uri));
    }
}
