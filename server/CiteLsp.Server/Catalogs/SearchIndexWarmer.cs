using CiteLsp.Server.Lsp;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// Builds the search indexes of every open document's catalogs in the background as soon as a catalog load
/// is swapped in, so the first completion after start-up or a .bib change does not pay for the build (seconds at 100k).
/// </summary>
internal static class SearchIndexWarmer
{
    public static void Attach(Session session) =>
        session.State.Changed += (before, after) =>
        {
            if (ReferenceEquals(before.Catalogs, after.Catalogs)) return;
            _ = Task.Run(() =>
            {
                try
                {
                    foreach (var document in after.Documents.Values.Prepend(null))
                    {
                        if (!ReferenceEquals(session.State.Current.Catalogs, after.Catalogs)) return; // superseded
                        var view = DocumentCatalogs.Resolve(after, document);
                        SearchIndexCache.For(view.Bibliography);
                        SearchIndexCache.For(view.Library);
                    }
                }
                catch (Exception ex) { session.Log.Error($"warming search indexes failed: {ex.Message}"); }
            });
        };
}
