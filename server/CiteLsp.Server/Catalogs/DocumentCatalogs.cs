using CiteLsp.Core.Text;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// The seam deciding which catalog files apply to a document. Today: the citelsp.bibliography files (every
/// document) and the library (citelsp.library files, then the embedded seeds). Per-document discovery
/// (\bibliography, \addbibresource, YAML front matter, root documents) plugs in at <see cref="Discovered"/>.
/// </summary>
internal static class DocumentCatalogs
{
    public const string SettingsBibliographyReason = "citelsp.bibliography setting";
    public const string SettingsLibraryReason = "citelsp.library setting";
    public const string SeedsReason = "embedded seed catalog (citelsp.seeds.enabled)";

    public static IReadOnlyList<CatalogSource> Sources(WorkspaceSnapshot snapshot, TextDocument? document)
    {
        var sources = new List<CatalogSource>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string path, CatalogRole role, string reason)
        {
            if (seen.Add(path)) sources.Add(new CatalogSource(path, role, reason));
        }
        if (document is not null)
            foreach (var (path, reason) in Discovered(snapshot, document)) Add(path, CatalogRole.Bibliography, reason);
        foreach (var path in snapshot.SettingsFiles.Bibliography) Add(path, CatalogRole.Bibliography, SettingsBibliographyReason);
        foreach (var path in snapshot.SettingsFiles.Library) Add(path, CatalogRole.Library, SettingsLibraryReason);
        foreach (var seed in snapshot.Catalogs.Seeds) Add(seed.Path, CatalogRole.Library, SeedsReason);
        return sources;
    }

    public static DocumentCatalogView Resolve(WorkspaceSnapshot snapshot, TextDocument? document)
    {
        var sources = Sources(snapshot, document);
        return new DocumentCatalogView(
            sources,
            snapshot.Catalogs.Build(sources.Where(s => s.Role == CatalogRole.Bibliography).Select(s => s.Path)),
            snapshot.Catalogs.Build(sources.Where(s => s.Role == CatalogRole.Library).Select(s => s.Path)));
    }

    /// <summary>Every on-disk catalog file some open document (or the settings) needs loaded.</summary>
    public static IReadOnlySet<string> RequiredFiles(WorkspaceSnapshot snapshot)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in snapshot.Documents.Values.Prepend(null))
            foreach (var s in Sources(snapshot, doc))
                if (!s.IsEmbedded) paths.Add(s.Path);
        return paths;
    }

    /// <summary>Bibliography files the document itself declares, with the reason. Pending the Core/Workspace discovery API.</summary>
    private static IEnumerable<(string Path, string Reason)> Discovered(WorkspaceSnapshot snapshot, TextDocument document) => [];
}
