using System.IO.Hashing;
using System.Text;
using CiteLsp.Core.Search;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>
/// Big catalog files kept on disk between runs as what completion needs (entries without their raw fields and
/// abstracts, diagnostics, line starts, the search index), so a restart serves a 100k-entry library at once while
/// the file is parsed again in the background. A cache file is used only when the catalog's full path, size,
/// modification time and content hash and the format version all match; anything else (missing, stale, corrupt,
/// truncated, unreadable) means "parse the file". The folder is safe to delete at any time.
/// </summary>
public sealed class CatalogCache(string directory, long minBytes = CatalogCache.DefaultMinBytes)
{
    /// <summary>Bump whenever the cached shape, the parser's output or the index layout changes.</summary>
    public const int FormatVersion = 7; // 7: entry records before the author, alias and person lists (written as made)
    /// <summary>Smaller files parse in a few milliseconds: caching them would only fill the folder.</summary>
    public const long DefaultMinBytes = 1 << 20;
    private static readonly TimeSpan MaxAge = TimeSpan.FromDays(30);

    public string Directory { get; } = directory;
    internal int Version { get; init; } = FormatVersion;

    /// <summary>$XDG_CACHE_HOME/citelsp, else ~/.cache/citelsp.</summary>
    public static string DefaultDirectory()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var root = !string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.Combine(root, "citelsp");
    }

    public bool Covers(string path)
    {
        try { return new FileInfo(path) is { Exists: true } info && info.Length >= minBytes; }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return false; }
    }

    /// <summary>Whether a cache file exists for this (big) file, current or not: a cheap check before <see cref="TryLoad"/>.</summary>
    public bool Holds(string path)
    {
        try { return Covers(path) && File.Exists(FileFor(Path.GetFullPath(path))); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return false; }
    }

    /// <summary>The cached catalog and index of the file as it is now on disk, or null.</summary>
    /// <remarks>Path, size and mtime are checked first (no cache file or a stale one costs no read of the library);
    /// the library's content hash is then computed on another thread while the payload is decoded, and compared
    /// before anything is returned: a changed file is never served from the cache.</remarks>
    public CachedCatalog? TryLoad(string path)
    {
        Task<CacheKey?>? hashing = null;
        try
        {
            if (!Covers(path)) return null;
            var full = Path.GetFullPath(path);
            var cacheFile = FileFor(full);
            if (!File.Exists(cacheFile)) return null;
            using var stream = new FileStream(cacheFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 12);
            var info = new FileInfo(path);
            if (CacheFormat.ReadKey(stream, Version) is not { } cached
                || cached != new CacheKey(full, info.Length, info.LastWriteTimeUtc.Ticks, cached.ContentHash, Version)) return null;
            hashing = Task.Factory.StartNew(() => KeyOf(path), TaskCreationOptions.LongRunning);
            var loaded = CacheFormat.ReadPayload(stream, path);
            return hashing.GetAwaiter().GetResult() == cached ? loaded : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or EndOfStreamException or InvalidDataException
            or ArgumentException or FormatException or OverflowException or DecoderFallbackException or OutOfMemoryException or NotSupportedException)
        {
            // A failed decode does not wait for the hash, but its failure must not go unobserved.
            hashing?.ContinueWith(t => t.Exception, TaskContinuationOptions.OnlyOnFaulted);
            return null;
        }
    }

    /// <summary>Writes the cache of a parse; false when it cannot, or the file changed since it was read.</summary>
    /// <param name="readAs">The file's size and modification time when it was read for <paramref name="file"/>: a
    /// file rewritten since must not get the old parse cached under its new content.</param>
    public bool Save(CatalogFile file, SearchIndex index, (long Size, DateTime WrittenUtc)? readAs = null)
    {
        if (!Covers(file.Path) || KeyOf(file.Path) is not { } key || key.Size < 0) return false;
        if (readAs is { } read && (read.Size != key.Size || read.WrittenUtc.Ticks != key.MTimeTicks)) return false;
        var target = FileFor(key.Path);
        var temp = $"{target}.{Environment.ProcessId}.{Guid.NewGuid():n}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
                CacheFormat.Write(stream, key, file, index);
            File.Move(temp, target, overwrite: true); // readers see the old file or the whole new one
            Prune(target);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            try { File.Delete(temp); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            return false;
        }
    }

    /// <summary>Path, size, mtime and content hash of the file now (read once, in full: a changed byte must miss).</summary>
    private CacheKey? KeyOf(string path)
    {
        var info = new FileInfo(path);
        var full = Path.GetFullPath(path);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.SequentialScan);
        var (hash, size) = ChunkedHash.Of(stream);
        info.Refresh();
        if (size != info.Length) return null; // written meanwhile
        return new CacheKey(full, size, info.LastWriteTimeUtc.Ticks, hash, Version);
    }

    internal string FileFor(string fullPath) =>
        Path.Combine(Directory, $"{XxHash3.HashToUInt64(Encoding.UTF8.GetBytes(fullPath)):x16}.catalog");

    /// <summary>Cache files not rewritten for a month belong to libraries no longer opened.</summary>
    private void Prune(string keep)
    {
        foreach (var f in new DirectoryInfo(Directory).EnumerateFiles("*.catalog*"))
            // Temp files of a write cut short (the server stopped) are old after a few minutes.
            if (f.FullName != keep && DateTime.UtcNow - f.LastWriteTimeUtc > (f.Name.EndsWith(".tmp", StringComparison.Ordinal) ? TimeSpan.FromMinutes(10) : MaxAge))
                try { f.Delete(); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
    }
}
