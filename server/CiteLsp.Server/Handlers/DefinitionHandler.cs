using CiteLsp.Core.Text;
using CiteLsp.Server.Analysis;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class DefinitionHandler(Session session)
{
    /// <summary>A cited key → its entry: the document's bibliography (exact, then ignoring case), \bibitem, then the library (seeds via a cached copy).</summary>
    [JsonRpcMethod(Methods.TextDocumentDefinition, UseSingleObjectParameterDeserialization = true)]
    public async Task<Location?> DefinitionAsync(TextDocumentPositionParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        if (await Resolution.AtPositionAsync(session, request?.TextDocument, request?.Position, cancellationToken) is not (var snapshot, var document, var offset))
            return null;
        if (KeyTarget.At(snapshot, document, offset) is not { Analysis: { } analysis } target) return null;
        var scope = analysis.Scope;
        var span = scope.Bibliography.Find(target.Key)?.KeyLocation
            ?? analysis.Project.InlineKeys.FirstOrDefault(k => k.Key == target.Key)?.KeySpan
            ?? scope.Library.Find(target.Key)?.KeyLocation
            ?? scope.Resolving.FindIgnoreCase(target.Key)?.KeyLocation;
        if (span is not { } found) return null;
        if (found.Path.StartsWith(EmbeddedSeeds.Scheme, StringComparison.Ordinal))
            found = SeedFiles.Materialize(found.Path) is { } copy ? found with { Path = copy } : found;
        return LspConvert.ToLocation(found, session.Positions, snapshot);
    }
}
