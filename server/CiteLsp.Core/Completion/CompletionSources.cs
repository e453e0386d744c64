using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Core.Completion;

/// <summary>
/// The catalogs a document completes from and one search index over both: the bibliography's entries, then the
/// library's entries whose keys the bibliography lacks (so a hit's key tells its origin).
/// </summary>
public sealed record CompletionSources(Catalog Bibliography, Catalog Library, SearchIndex Index)
{
    /// <summary>The index as the server builds it, for tests and tools.</summary>
    public static CompletionSources Build(Catalog bibliography, Catalog library) =>
        new(bibliography, library, SearchIndex.Build(
            [.. bibliography.Entries, .. library.Entries.Where(e => bibliography.Find(e.Key) is null)]));
}
