using CiteLsp.Core.Search;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>What the cache serves for one file: the file, the catalog of that file alone and its search index.</summary>
public sealed record CachedCatalog(CatalogFile File, Catalog Catalog, SearchIndex Index);
