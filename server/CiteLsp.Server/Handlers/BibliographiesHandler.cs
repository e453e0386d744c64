using CiteLsp.Core.Bibliography;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class BibliographiesHandler(Session session)
{
    /// <summary>citelsp/bibliographies: the catalog files a document sees, their role, why, and their errors.</summary>
    [JsonRpcMethod(Methods.CiteLspBibliographies, UseSingleObjectParameterDeserialization = true)]
    public BibliographiesResult Bibliographies(BibliographiesParams request)
    {
        session.RequireRunning();
        var snapshot = session.State.Current;
        var uri = Params.Require(Params.Require(request?.TextDocument, "textDocument").Uri, "textDocument.uri");
        var sources = DocumentCatalogs.Sources(snapshot, snapshot.Document(uri));
        return new BibliographiesResult(sources.Select(s =>
        {
            var latest = snapshot.Catalogs.Latest(s.Path);
            var errors = latest?.Diagnostics.Where(d => d.Severity == Severity.Error).Select(d =>
            {
                var at = session.Positions.ToPosition(latest, d.Span.Start);
                return new BibliographyError(d.Message, at.Line, at.Character);
            }).ToList() ?? [];
            return new BibliographyFile(s.Path, s.Role == CatalogRole.Bibliography ? "bibliography" : "library", s.Reason,
                snapshot.Catalogs.Get(s.Path)?.Entries.Count ?? 0, errors);
        }).ToList());
    }
}
