using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using CiteLsp.Core.Search;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>
/// Binary layout of a cache file: a header with the <see cref="CacheKey"/>, then the length and <see cref="ChunkedHash"/>
/// of the payload (where its string table is, format, entries without raw fields or abstracts, diagnostics, line starts,
/// search index, end marker, then the string table), so a truncated or damaged file is detected before anything is
/// built from it. The payload is hashed in one pass through the file, then decoded straight from it in a second, strings
/// and entries on all cores: a 1M-entry library's 313 MB are never in memory at once.
/// </summary>
internal static class CacheFormat
{
    private const ulong Magic = 0x4C41_5441_4354_4943; // any other first 8 bytes are rejected
    private const uint End = 0xC17E_E7D5;

    /// <summary>
    /// Writes straight into <paramref name="stream"/> (seekable and readable: the lengths known only at the end are
    /// written back, and the payload is read back for its hash). Built in memory first, the payload and its growing
    /// buffers allocated about six times the file (1M entries: 1.8 GB), and the collections they caused paused the
    /// server for up to 0.9 s while a big library's cache was written.
    /// </summary>
    public static void Write(Stream stream, CacheKey key, CatalogFile file, SearchIndex index)
    {
        // The reader trusts the index to describe these very entries (the payload checksum covers both).
        if (index.Entries.Count != file.Entries.Count || index.Entries.Where((e, i) => !ReferenceEquals(e, file.Entries[i])).Any())
            throw new ArgumentException("the index was built for other entries", nameof(index));
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic); w.Write(key.Version); w.Write(key.Path); w.Write(key.Size); w.Write(key.MTimeTicks); w.Write(key.ContentHash);
        var lengthAt = stream.Position;
        w.Write(0L); w.Write(0UL); // the payload's length and hash, written back below
        var payloadAt = stream.Position;
        w.Write(0L); // where the string table starts, written back below

        var strings = new StringTable(file.Entries.Count + 256);
        w.Write(strings.Id(file.Format));
        WriteOnDisk(w, file.OnDisk, strings);
        EntryTable.Write(w, file.Entries, strings);
        var diagnostics = file.Diagnostics.Select(d => new DiagnosticRecord((int)d.Severity, strings.Id(d.Code), strings.Id(d.Message),
            d.Span.Start, d.Span.Length, d.Related is null ? 0 : 1, d.Related?.Start ?? 0, d.Related?.Length ?? 0)).ToArray();
        Array(w, diagnostics.AsSpan());
        w.Write(file.Lines.TextLength);
        Array(w, file.Lines.Starts);
        var indexAt = stream.Position;
        w.Write(0);
        index.WriteTo(stream);
        WriteAt(stream, indexAt, checked((int)(stream.Position - indexAt - sizeof(int))));
        w.Write(End);
        var stringsAt = stream.Position - payloadAt;
        strings.Write(w);
        var payloadLength = stream.Position - payloadAt;
        WriteAt(stream, payloadAt, stringsAt);
        WriteAt(stream, lengthAt, payloadLength);
        stream.Position = payloadAt;
        var (hash, hashed) = ChunkedHash.Of(stream, payloadLength);
        if (hashed != payloadLength) throw new IOException("the cache file ended while it was being hashed");
        WriteAt(stream, lengthAt + sizeof(long), hash);
    }

    private static void WriteAt<T>(Stream stream, long at, T value) where T : unmanaged
    {
        var end = stream.Position;
        stream.Position = at;
        stream.Write(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));
        stream.Position = end;
    }

    /// <summary>The key a cache file was written for; null when it is not a cache file of this format version.</summary>
    public static CacheKey? ReadKey(Stream stream, int version)
    {
        using var h = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (h.ReadUInt64() != Magic || h.ReadInt32() != version) return null;
        return new CacheKey(h.ReadString(), h.ReadInt64(), h.ReadInt64(), h.ReadUInt64(), version);
    }

    /// <summary>The cached file and index that follow the key (<see cref="ReadKey"/>). Throws on damage.</summary>
    public static CachedCatalog ReadPayload(Stream stream, string path)
    {
        Span<byte> head = stackalloc byte[16];
        stream.ReadExactly(head);
        var length = BitConverter.ToInt64(head);
        var hash = BitConverter.ToUInt64(head[8..]);
        var payloadAt = stream.Position;
        if (length < sizeof(long) || length != stream.Length - payloadAt) throw new InvalidDataException("cache file is truncated");
        if (ChunkedHash.Of(stream, length) != (hash, length)) throw new InvalidDataException("cache file is damaged");

        // Decoding allocates about twice the payload, all of it kept.
        using var noGc = NoGcRegion.Start(2 * length);
        stream.Position = payloadAt;
        var r = new BlockReader(stream);
        var stringsAt = r.Value<long>();
        if (stringsAt < sizeof(long) || stringsAt > length) throw new InvalidDataException("bad string table offset");
        stream.Position = payloadAt + stringsAt;
        var strings = StringTable.Read(new BlockReader(stream));
        if (stream.Position != payloadAt + length) throw new InvalidDataException("cache file has bytes after its string table");
        stream.Position = payloadAt + sizeof(long);
        r = new BlockReader(stream);
        var format = StringTable.At(strings, r.Value<int>());
        var onDisk = ReadOnDisk(r, strings, path);
        var entries = EntryTable.Read(r, strings, path, onDisk);
        onDisk?.Attach(entries);
        var diagnostics = r.Array<DiagnosticRecord>().Select(d => Diagnostic(d, strings, path)).ToArray();
        var textLength = r.Value<int>();
        var lines = LineIndex.FromStarts(r.Array<int>(), textLength) ?? throw new InvalidDataException("bad line starts");
        var file = new CatalogFile(path, format, entries, diagnostics, lines) { FromCache = true, OnDisk = onDisk };
        var indexEnd = r.Value<int>() + stream.Position;
        SearchIndex? index = null;
        Catalog? catalog = null;
        // The catalog's key map is built meanwhile on the other core.
        Cores.Run(() => index = SearchIndex.ReadFrom(stream, entries, checkEntries: false), () => catalog = Catalog.Build([file]));
        if (index is null || stream.Position != indexEnd) throw new InvalidDataException("bad search index");
        if (r.Value<uint>() != End || stream.Position != payloadAt + stringsAt) throw new InvalidDataException("cache file is incomplete");
        return new CachedCatalog(file, catalog!, index);
    }

    /// <summary>A lean library's way back to its raw fields: the file's encoding checkpoints and its macros.</summary>
    private static void WriteOnDisk(BinaryWriter w, Bibtex.BibDiskFields? onDisk, StringTable strings)
    {
        w.Write(onDisk is not null);
        if (onDisk is null) return;
        var (codePage, chars, bytes) = onDisk.Offsets.Parts;
        w.Write(codePage);
        Array(w, chars.AsSpan());
        Array(w, bytes.AsSpan());
        Array(w, onDisk.Macros.SelectMany(m => new[] { strings.Id(m.Key), strings.Id(m.Value) }).ToArray().AsSpan());
    }

    private static Bibtex.BibDiskFields? ReadOnDisk(BlockReader r, string[] strings, string path)
    {
        if (!r.Value<bool>()) return null;
        var offsets = ByteOffsets.FromParts(r.Value<int>(), r.Array<int>(), r.Array<long>()) ?? throw new InvalidDataException("bad byte offsets");
        var pairs = r.Array<int>();
        if (pairs.Length % 2 != 0) throw new InvalidDataException("bad macro table");
        var macros = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < pairs.Length; i += 2) macros[StringTable.At(strings, pairs[i])] = StringTable.At(strings, pairs[i + 1]);
        return new Bibtex.BibDiskFields(path, offsets, macros);
    }

    private static CatalogDiagnostic Diagnostic(DiagnosticRecord d, string[] strings, string path)
    {
        if (!Enum.IsDefined((Severity)d.Severity)) throw new InvalidDataException("bad severity");
        var diagnostic = new CatalogDiagnostic((Severity)d.Severity, StringTable.At(strings, d.Code), StringTable.At(strings, d.Message), new SourceSpan(path, d.Start, d.Length));
        return d.HasRelated != 0 ? diagnostic with { Related = new SourceSpan(path, d.RelatedStart, d.RelatedLength) } : diagnostic;
    }

    private static void Array<T>(BinaryWriter w, ReadOnlySpan<T> values) where T : unmanaged
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values));
    }
}
