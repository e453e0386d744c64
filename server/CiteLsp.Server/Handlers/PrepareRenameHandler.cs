using CiteLsp.Core.Navigation;
using CiteLsp.Server.Analysis;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class PrepareRenameHandler(Session session)
{
    /// <summary>The key's range when it can be renamed: it must be defined in a bibliography file the user can edit.</summary>
    [JsonRpcMethod(Methods.TextDocumentPrepareRename, UseSingleObjectParameterDeserialization = true)]
    public async Task<PrepareRenameResult?> PrepareRenameAsync(TextDocumentPositionParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        if (await Resolution.AtPositionAsync(session, request?.TextDocument, request?.Position, cancellationToken) is not (var snapshot, var document, var offset))
            return null;
        if (KeyTarget.At(snapshot, document, offset) is not { } target) return null;
        if (target.Analysis is { } a && RenamePlanner.Definitions(target.Key, a.Scope.Bibliography).Count == 0)
            throw new LocalRpcException($"`{target.Key}` is not defined in a bibliography file of this document, so it cannot be renamed here") { ErrorCode = ErrorCodes.RequestFailed };
        return new PrepareRenameResult(session.Positions.ToRange(document, target.Span.Start, target.Span.Length), target.Key);
    }
}
