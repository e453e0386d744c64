using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Cache;
using CiteLsp.Core.Search;
using CiteLsp.Fuzz.Harnesses;

namespace CiteLsp.Tests.Bibliography;

/// <summary>The warm-start cache (issue 12): used only for the very file it was written for, ignored when damaged.</summary>
public sealed class CatalogCacheTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("citelsp-cache-test").FullName;
    private string Bib => Path.Combine(_dir, "lib.bib");
    private CatalogCache Cache => new(Path.Combine(_dir, "cache"), minBytes: 0);

    public CatalogCacheTests() => File.Copy(TestPaths.CorpusFile("bib/exports/acmart-sample-base.bib"), Bib);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private bool Save(CatalogCache? cache = null)
    {
        var file = CatalogLoader.Load(Bib);
        return (cache ?? Cache).Save(file, SearchIndex.Build(file.Entries));
    }

    [Fact]
    public void A_saved_file_loads_with_the_same_entries_diagnostics_lines_and_search_results()
    {
        Assert.True(Save());
        var fresh = CatalogLoader.Load(Bib);
        var (cached, catalog, index) = Cache.TryLoad(Bib) ?? throw new Xunit.Sdk.XunitException("not loaded from the cache");
        Assert.True(cached.FromCache);
        Assert.Equal(Describe(fresh), Describe(cached));
        Assert.Same(cached, catalog.Files.Single());
        Assert.Equal(Catalog.Build([fresh]).Entries.Select(e => e.Key), catalog.Entries.Select(e => e.Key));
        var full = SearchIndex.Build(fresh.Entries);
        foreach (var query in (string[])["knuth", "tex book", "lamport 1994", "", "acm", "latx"])
            Assert.Equal(full.Search(query, 20).Select(h => (h.Entry.Key, h.Score)), index.Search(query, 20).Select(h => (h.Entry.Key, h.Score)));
    }

    [Fact]
    public void A_lean_library_comes_back_lean_and_reads_its_fields_from_the_file()
    {
        var lean = CatalogLoader.Load(Bib, null, fieldsOnDiskAbove: 0);
        Assert.True(Cache.Save(lean, SearchIndex.Build(lean.Entries)));
        var cached = Cache.TryLoad(Bib)?.File ?? throw new Xunit.Sdk.XunitException("not loaded from the cache");
        Assert.True(cached.FieldsOnDisk);
        var full = CatalogLoader.Load(Bib, null, fieldsOnDiskAbove: long.MaxValue);
        Assert.All(full.Entries, e => Assert.NotEmpty(e.Fields));
        for (var i = 0; i < full.Entries.Count; i++)
        {
            Assert.Equal(full.Entries[i].Fields.ToList(), cached.Entries[i].Fields.ToList());
            Assert.Equal(full.Entries[i].Abstract, cached.Entries[i].Abstract);
            Assert.Equal((full.Entries[i].Doi, full.Entries[i].Url), (cached.Entries[i].Doi, cached.Entries[i].Url));
        }
        Assert.Contains(full.Entries, e => e.Doi is not null); // the test reads some back
        Assert.Contains(full.Entries, e => e.Url is not null);
    }

    [Fact]
    public void A_parse_of_a_file_rewritten_since_is_not_cached_under_its_new_content()
    {
        var info = new FileInfo(Bib);
        var readAs = (info.Length, info.LastWriteTimeUtc);
        var file = CatalogLoader.Load(Bib);
        File.AppendAllText(Bib, "\n@misc{later, title = {Written after the parse}}\n");

        Assert.False(Cache.Save(file, SearchIndex.Build(file.Entries), readAs));
        Assert.Null(Cache.TryLoad(Bib));
        var again = CatalogLoader.Load(Bib);
        info.Refresh();
        Assert.True(Cache.Save(again, SearchIndex.Build(again.Entries), (info.Length, info.LastWriteTimeUtc)));
        Assert.NotNull(Cache.TryLoad(Bib));
    }

    [Fact]
    public void Content_change_with_same_size_and_mtime_invalidates()
    {
        Save();
        var mtime = File.GetLastWriteTimeUtc(Bib);
        var text = File.ReadAllText(Bib);
        var brace = text.IndexOf('{', text.IndexOf("title", StringComparison.OrdinalIgnoreCase)) + 1;
        File.WriteAllText(Bib, text[..brace] + (text[brace] == 'Q' ? 'R' : 'Q') + text[(brace + 1)..]);
        File.SetLastWriteTimeUtc(Bib, mtime);
        Assert.Null(Cache.TryLoad(Bib));
    }

    [Fact]
    public void Mtime_change_alone_invalidates_and_a_new_save_serves_again()
    {
        Save();
        File.SetLastWriteTimeUtc(Bib, File.GetLastWriteTimeUtc(Bib).AddSeconds(3));
        Assert.Null(Cache.TryLoad(Bib));
        Save();
        Assert.NotNull(Cache.TryLoad(Bib));
    }

    [Fact]
    public void Size_change_invalidates()
    {
        Save();
        var mtime = File.GetLastWriteTimeUtc(Bib);
        File.AppendAllText(Bib, "\n@misc{added, title={Added}}\n");
        File.SetLastWriteTimeUtc(Bib, mtime);
        Assert.Null(Cache.TryLoad(Bib));
    }

    [Fact]
    public void Another_format_version_is_not_read()
    {
        Save(new CatalogCache(Path.Combine(_dir, "cache"), minBytes: 0) { Version = CatalogCache.FormatVersion + 1 });
        Assert.Null(Cache.TryLoad(Bib));
        Save();
        Assert.NotNull(Cache.TryLoad(Bib));
    }

    [Theory]
    [InlineData("truncate")]
    [InlineData("flip")]
    [InlineData("empty")]
    [InlineData("garbage")]
    public void Corrupt_cache_is_ignored_and_rebuilt(string damage)
    {
        Save();
        var cacheFile = Directory.GetFiles(Path.Combine(_dir, "cache")).Single();
        var bytes = File.ReadAllBytes(cacheFile);
        switch (damage)
        {
            case "truncate": File.WriteAllBytes(cacheFile, bytes[..(bytes.Length * 2 / 3)]); break;
            case "flip":
                // Text in the middle of the entries: the payload hash catches what no count or length check would.
                for (var i = bytes.Length / 3; i < bytes.Length / 3 + 64; i++) bytes[i] ^= 0xFF;
                File.WriteAllBytes(cacheFile, bytes);
                break;
            case "empty": File.WriteAllBytes(cacheFile, []); break;
            default: File.WriteAllBytes(cacheFile, new Random(7).GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 5000)); break;
        }
        Assert.Null(Cache.TryLoad(Bib));
        Save();
        Assert.NotNull(Cache.TryLoad(Bib));
    }

    [Fact]
    public void A_damaged_string_index_is_rejected_even_under_a_valid_checksum()
    {
        Save();
        // The first string is the format's: an in-range index under a recomputed checksum loads (the patch works)...
        PatchFirstTitle(0);
        Assert.Equal("bibtex", Cache.TryLoad(Bib)?.File.Entries[0].Title);
        // ...one past the table is caught by the index check alone.
        PatchFirstTitle(1 << 30);
        Assert.Null(Cache.TryLoad(Bib));
        Save();
        Assert.NotNull(Cache.TryLoad(Bib));
    }

    [Theory]
    [InlineData(0L)] // inside the payload's own first field
    [InlineData(12L)] // inside the entries: the string table does not end the payload there
    [InlineData(long.MaxValue)]
    public void A_wrong_string_table_offset_is_rejected_even_under_a_valid_checksum(long stringsAt)
    {
        Save();
        PatchPayload(payload => BitConverter.TryWriteBytes(payload, stringsAt));
        Assert.Null(Cache.TryLoad(Bib));
    }

    /// <summary>Sets the first entry's Title string index in the cache file and fixes the payload checksum.</summary>
    private void PatchFirstTitle(int stringIndex) => PatchPayload(payload =>
    {
        // Payload: where the string table is (it comes last), the format's string, whether fields are read from the
        // file (not here), then the entry records (author, alias and person lists follow them).
        var stream = new MemoryStream(payload.ToArray());
        var r = new BlockReader(stream);
        var stringsAt = r.Value<long>();
        Assert.Equal("bibtex", StringTable.Read(new BlockReader(new MemoryStream(payload.ToArray()) { Position = stringsAt }))[0]);
        r.Value<int>();
        Assert.False(r.Value<bool>());
        var records = (int)stream.Position + 4;
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, int>(payload[(records + 8)..])[0] = stringIndex; // Title: third field
    });

    private delegate void PayloadPatch(Span<byte> payload);

    /// <summary>Changes the cache file's payload in place and writes the checksum that matches the change.</summary>
    private void PatchPayload(PayloadPatch patch)
    {
        var cacheFile = Directory.GetFiles(Path.Combine(_dir, "cache")).Single();
        var bytes = File.ReadAllBytes(cacheFile);
        // Header: magic, version, path, size, mtime, content hash, then the payload's length and hash, then the payload.
        var header = new BinaryReader(new MemoryStream(bytes));
        header.ReadUInt64(); header.ReadInt32(); header.ReadString(); header.ReadInt64(); header.ReadInt64(); header.ReadUInt64();
        Assert.Equal(bytes.Length - header.BaseStream.Position - 16, header.ReadInt64());
        header.ReadUInt64();
        var start = (int)header.BaseStream.Position;
        patch(bytes.AsSpan(start));
        BitConverter.TryWriteBytes(bytes.AsSpan(start - 8), ChunkedHash.Of(new MemoryStream(bytes[start..])).Hash);
        File.WriteAllBytes(cacheFile, bytes);
    }

    [Fact]
    public void Small_files_are_not_cached()
    {
        var cache = new CatalogCache(Path.Combine(_dir, "cache"));
        Assert.False(Save(cache));
        Assert.Null(cache.TryLoad(Bib));
        Assert.False(Directory.Exists(Path.Combine(_dir, "cache")));
    }

    [Fact]
    public void Default_directory_follows_XDG_CACHE_HOME()
    {
        var old = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        try
        {
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", "/tmp/xdg-test");
            Assert.Equal("/tmp/xdg-test/citelsp", CatalogCache.DefaultDirectory());
            Environment.SetEnvironmentVariable("XDG_CACHE_HOME", null);
            Assert.EndsWith("/.cache/citelsp", CatalogCache.DefaultDirectory());
        }
        finally { Environment.SetEnvironmentVariable("XDG_CACHE_HOME", old); }
    }

    /// <summary>What the cache keeps (raw fields and abstracts come back with the background parse).</summary>
    private static List<string> Describe(CatalogFile file) =>
    [
        .. file.Entries.Select(e => string.Join(" | ", e.Key, e.Type, e.Title, string.Join(";", e.Authors.Select(p => $"{p.Given}/{p.Family}/{p.Literal}/{p.Suffix}")),
            e.AuthorsTruncated, e.Date, e.Venue, e.Doi, e.Url, e.ArxivId, string.Join(",", e.Aliases), e.Location, e.KeyLocation, e.ContentHash)),
        .. file.Diagnostics.Select(BibDescription.Of),
        $"{file.Format} lines {file.Lines.LineCount} length {file.Lines.TextLength}: "
            + string.Join(",", Enumerable.Range(0, file.Lines.LineCount).Select(file.Lines.LineStart)),
    ];
}
