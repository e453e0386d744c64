using CiteLsp.Core.Bibliography;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// A catalog file as the server holds it: the parse whose entries are served (<see cref="Good"/>) and the most
/// recent parse (<see cref="Latest"/>, whose diagnostics are reported). They differ after a failed re-parse,
/// e.g. of a half-written file, so a save in progress never empties the file's entries.
/// </summary>
internal sealed record LoadedCatalog(CatalogFile Good, CatalogFile Latest)
{
    /// <summary>The catalog and search index of this file alone, for a big file: read from the warm-start cache or
    /// built with its first parse (a view's catalog of just this file is that one; a view's index starts from it).</summary>
    public Core.Bibliography.Cache.CachedCatalog? Cached { get; init; }

    public string Path => Good.Path;

    public bool KeptPrevious => !ReferenceEquals(Good, Latest);

    public static LoadedCatalog First(CatalogFile parsed) => new(parsed, parsed);

    /// <summary>
    /// A new parse replaces the served entries unless it lost entries AND reports more errors (a truncated or
    /// unreadable file; an entry deleted from a file with an old error is a plain edit), or the file is momentarily
    /// empty (editors truncate, then write). A deleted file is not a failed parse: its entries go.
    /// </summary>
    public LoadedCatalog Next(CatalogFile parsed, bool fileExists)
    {
        var failed = parsed.LooksCutShortAfter(Good) || parsed.Format == "empty" && Good.Entries.Count > 0;
        return fileExists && failed ? this with { Latest = parsed } : First(parsed);
    }
}
