using CiteLsp.Core.Navigation;
using CiteLsp.Server.Analysis;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class ReferencesHandler(Session session)
{
    /// <summary>Every citation of the key in the workspace (from a citation or from an entry in a .bib), plus its definition when asked.</summary>
    [JsonRpcMethod(Methods.TextDocumentReferences, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<Location>> ReferencesAsync(ReferenceParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        if (await Resolution.AtPositionAsync(session, request?.TextDocument, request?.Position, cancellationToken) is not (var snapshot, var document, var offset))
            return [];
        return await Task.Run(() =>
        {
            if (KeyTarget.At(snapshot, document, offset) is not { } target) return [];
            var spans = ProjectCitations.Of(snapshot, target.Key, k => OtherEntry(target, k), cancellationToken).Select(c => c.KeySpan).ToList();
            if (request!.Context?.IncludeDeclaration == true)
                spans.InsertRange(0, target.Analysis is { } a ? RenamePlanner.Definitions(target.Key, a.Scope.Bibliography) : [target.Span]);
            return (IReadOnlyList<Location>)LspConvert.ToLocations(spans.Distinct(), session.Positions, snapshot).OfType<Location>().ToList();
        }, cancellationToken);
    }

    private static bool OtherEntry(KeyTarget target, string variant) =>
        (target.Analysis?.Scope.Bibliography.Find(variant) ?? target.BibFile?.Entries.FirstOrDefault(e => e.Key == variant)) is not null;
}
