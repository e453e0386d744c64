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
        var uri = Params.Require(Params.Require(request?.TextDocument, "textDocument").Uri, "textDocument.uri");
        var snapshot = await Resolution.SnapshotAsync(session, uri, cancellationToken);
        if (snapshot.Document(uri) is not { } document || session.Positions.ToOffset(document, Params.Require(request!.Position, "position")) is not { } offset) return null;
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
