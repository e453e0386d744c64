using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Core.Completion;

/// <summary>The two catalogs a document completes from, each with its (cached, immutable) search index.</summary>
public sealed record CompletionSources(Catalog Bibliography, SearchIndex BibliographyIndex, Catalog Library, SearchIndex LibraryIndex);
