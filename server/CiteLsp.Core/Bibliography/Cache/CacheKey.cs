namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>What a cache file must match: the catalog (full path, size, mtime, content hash) and the cache format.</summary>
internal readonly record struct CacheKey(string Path, long Size, long MTimeTicks, ulong ContentHash, int Version);
