using CiteLsp.Core.InlayHints;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

/// <summary>textDocument/inlayHint: "Nakkiran et al. 2019" after each resolved key, when citelsp.inlayHints.enabled.</summary>
internal sealed class InlayHintHandler
{
    private readonly Session _session;

    public InlayHintHandler(Session session)
    {
        _session = session;
        InlayHintRefresher.Attach(session);
    }

    [JsonRpcMethod(Methods.TextDocumentInlayHint, UseSingleObjectParameterDeserialization = true)]
    public async Task<IReadOnlyList<InlayHint>> InlayHintsAsync(InlayHintParams request, CancellationToken cancellationToken)
    {
        _session.RequireRunning();
        var uri = Params.Require(Params.Require(request?.TextDocument, "textDocument").Uri, "textDocument.uri");
        var range = Params.Require(request!.Range, "range");
        await _session.Catalogs.WhenFirstLoadedAsync(cancellationToken);
        var snapshot = _session.State.Current;
        if (!snapshot.Settings.InlayHintsEnabled || DocumentContext.Get(snapshot, uri) is not { Syntax: not null } doc) return [];

        var start = _session.Positions.ToOffset(doc.Document, range.Start) ?? 0;
        var end = _session.Positions.ToOffset(doc.Document, range.End) ?? doc.Document.Text.Length;
        return CitationInlayHints.Compute(doc.Citations, start, end, doc.Catalogs.ResolutionCatalog)
            .Select(h => new InlayHint(_session.Positions.ToPosition(doc.Document, h.Offset), h.Label, PaddingLeft: true))
            .ToList();
    }
}
