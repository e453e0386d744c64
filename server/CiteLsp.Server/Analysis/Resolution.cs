using CiteLsp.Core.Text;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Analysis;

/// <summary>
/// A document's bibliography is resolved on the catalog loop shortly after it opens; a request that arrives first
/// (a code action right after didOpen) waits for it, briefly, instead of answering as if the document cited nothing.
/// </summary>
internal static class Resolution
{
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(3);

    public static async Task<WorkspaceSnapshot> SnapshotAsync(Session session, string uri, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + MaxWait;
        var snapshot = session.State.Current;
        while (snapshot.Document(uri) is { } document && DocumentLanguages.SyntaxOf(document.LanguageId, document.Path) is not null
               && snapshot.Bibliography(uri) is null && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, cancellationToken);
            snapshot = session.State.Current;
        }
        return snapshot;
    }

    /// <summary>
    /// The snapshot, document and cursor offset of a request at a position: null when the document is not open or the
    /// position lies outside it. A missing textDocument or uri (and, for an open document, position) is InvalidParams.
    /// </summary>
    public static async Task<(WorkspaceSnapshot Snapshot, TextDocument Document, int Offset)?> AtPositionAsync(
        Session session, TextDocumentIdentifier? textDocument, Position? position, CancellationToken cancellationToken)
    {
        var uri = Params.Require(Params.Require(textDocument, "textDocument").Uri, "textDocument.uri");
        var snapshot = await SnapshotAsync(session, uri, cancellationToken);
        if (snapshot.Document(uri) is not { } document || session.Positions.ToOffset(document, Params.Require(position, "position")) is not { } offset) return null;
        return (snapshot, document, offset);
    }
}
