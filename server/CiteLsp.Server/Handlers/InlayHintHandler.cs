using CiteLsp.Core.InlayHints;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

/// <summary>textDocument/inlayHint: "Nakkiran et al. 2019" after each resolved key, when citelsp.inlayHints.enabled.</summary>
internal sealed class InlayHintHandler(Session session)
{
    [JsonRpcMethod(Methods.TextDocumentInlayHint, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<InlayHint>> InlayHintsAsync(InlayHintParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        var uri = Params.Require(Params.Require(request?.TextDocument, "textDocument").Uri, "textDocument.uri");
        var range = Params.Require(request!.Range, "range");
        await session.Catalogs.WhenFirstLoadedAsync(cancellationToken);
        var snapshot = session.State.Current;
        if (!snapshot.Settings.InlayHintsEnabled || DocumentContext.Get(snapshot, uri) is not { Syntax: not null } doc) return [];

        var start = session.Positions.ToOffset(doc.Document, range.Start) ?? 0;
        var end = session.Positions.ToOffset(doc.Document, range.End) ?? doc.Document.Text.Length;
        return CitationInlayHints.Compute(doc.Citations, start, end, doc.Catalogs.ResolutionCatalog)
            .Select(h => new InlayHint(session.Positions.ToPosition(doc.Document, h.Offset), h.Label, PaddingLeft: true))
            .ToList();
    }
}
