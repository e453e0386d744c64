using System.Collections.Immutable;
using CiteLsp.Core.Configuration;
using CiteLsp.Core.Text;
using CiteLsp.Core.Workspace;
using CiteLsp.Server.Catalogs;

namespace CiteLsp.Server.State;

/// <summary>
/// Everything a handler reads, immutable: open documents (by URI), loaded catalog files, settings and the
/// settings' bibliography/library paths with globs already expanded. Replaced as a whole by <see cref="WorkspaceState"/>.
/// </summary>
internal sealed record WorkspaceSnapshot(
    ImmutableDictionary<string, TextDocument> Documents,
    CatalogSet Catalogs,
    CiteLspSettings Settings,
    IReadOnlyList<string> WorkspaceFolders,
    SettingsFiles SettingsFiles)
{
    public static readonly WorkspaceSnapshot Empty = new(
        ImmutableDictionary.Create<string, TextDocument>(StringComparer.Ordinal), CatalogSet.Empty, CiteLspSettings.Default, [], SettingsFiles.None);

    /// <summary>What each open document (by URI) declares as its bibliography; updated by the catalog loader shortly after edits.</summary>
    public ImmutableDictionary<string, DocumentBibliography> Bibliographies { get; init; } =
        ImmutableDictionary.Create<string, DocumentBibliography>(StringComparer.Ordinal);

    public TextDocument? Document(string uri) => Documents.GetValueOrDefault(uri);

    public DocumentBibliography? Bibliography(string uri) => Bibliographies.GetValueOrDefault(uri);
}

/// <summary>The files named by citelsp.bibliography and citelsp.library, globs expanded to existing files.</summary>
internal sealed record SettingsFiles(IReadOnlyList<string> Bibliography, IReadOnlyList<string> Library)
{
    public static readonly SettingsFiles None = new([], []);
}
