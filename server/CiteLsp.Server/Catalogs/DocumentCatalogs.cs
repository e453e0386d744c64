using CiteLsp.Core.Text;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// Decides which catalog files apply to a document: the files it declares (\bibliography, \addbibresource,
/// filecontents, YAML front matter, through its root document; found by Core's ProjectResolver and kept in the
/// snapshot), the citelsp.bibliography files, then the library (citelsp.library files, the embedded seeds).
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
            document is null ? null : snapshot.Bibliography(document.Uri),
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

    /// <summary>Bibliography files the document declares (or its root does), with the reason; filecontents ones too.</summary>
    private static IEnumerable<(string Path, string Reason)> Discovered(WorkspaceSnapshot snapshot, TextDocument document)
    {
        if (snapshot.Bibliography(document.Uri) is not { } bibliography) yield break;
        foreach (var source in bibliography.Sources) yield return (source.Path, source.Reason);
        foreach (var embedded in bibliography.EmbeddedBibs)
            yield return (embedded.Path, $"filecontents {Path.GetFileName(embedded.Path)} in {Path.GetFileName(embedded.Span.Path)}");
    }
}
