using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Navigation;
using CiteLsp.Server.Analysis;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class RenameHandler(Session session)
{
    /// <summary>Renames the entry's key and every citation of it in one WorkspaceEdit; refuses invalid or clashing names.</summary>
    [JsonRpcMethod(Methods.TextDocumentRename, UseSingleObjectParameterDeserialization = true)]
    public async Task<WorkspaceEdit?> RenameAsync(RenameParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        var at = await Resolution.AtPositionAsync(session, request?.TextDocument, request?.Position, cancellationToken);
        var newName = Params.Require(request!.NewName, "newName").Trim();
        if (at is not (var snapshot, var document, var offset)) return null;
        if (KeyTarget.At(snapshot, document, offset) is not { } target) return null;
        var bibliography = target.Analysis?.Scope.Bibliography ?? Catalog.Build([target.BibFile!]);
        if (RenamePlanner.Validate(newName, target.Key, bibliography) is { } error)
            throw new LocalRpcException(error) { ErrorCode = ErrorCodes.RequestFailed };
        var definitions = target.Analysis is null ? [target.Span] : RenamePlanner.Definitions(target.Key, bibliography);
        if (definitions.Count == 0)
            throw new LocalRpcException($"`{target.Key}` is not defined in a bibliography file of this document") { ErrorCode = ErrorCodes.RequestFailed };
        return await Task.Run(() =>
        {
            var citations = ProjectCitations.Of(snapshot, target.Key, k => bibliography.Find(k) is not null, cancellationToken).ToList();
            return LspConvert.ToWorkspaceEdit(RenamePlanner.Plan(target.Key, newName, definitions, citations), session.Positions, snapshot);
        }, cancellationToken);
    }
}
