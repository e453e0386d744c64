using System.IO.Hashing;
using System.Text;
using CiteLsp.Core.Search;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>
/// Binary layout of a cache file: a header with the <see cref="CacheKey"/>, then the length and XxHash3 of the payload
/// (format, entries without raw fields or abstracts, diagnostics, line starts, search index, end marker), so a
/// truncated or damaged file is detected before anything is built from it.
/// </summary>
internal static class CacheFormat
{
    private const ulong Magic = 0x4C41_5441_4354_4943; // any other first 8 bytes are rejected
    private const uint End = 0xC17E_E7D5;

    public static void Write(Stream stream, CacheKey key, CatalogFile file, SearchIndex index)
    {
        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(file.Format);
            w.Write(file.Entries.Count);
            foreach (var e in file.Entries) WriteEntry(w, e);
            w.Write(file.Diagnostics.Count);
            foreach (var d in file.Diagnostics)
            {
                w.Write((int)d.Severity); w.Write(d.Code); w.Write(d.Message); w.Write(d.Span.Start); w.Write(d.Span.Length);
                w.Write(d.Related is not null);
                if (d.Related is { } r) { w.Write(r.Start); w.Write(r.Length); }
            }
            w.Write(file.Lines.TextLength);
            w.Write(file.Lines.LineCount);
            w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(file.Lines.Starts));
            w.Flush();
            index.WriteTo(payload);
            w.Write(End);
        }
        using var h = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        h.Write(Magic); h.Write(key.Version); h.Write(key.Path); h.Write(key.Size); h.Write(key.MTimeTicks); h.Write(key.ContentHash);
        h.Write(payload.Length);
        h.Write(XxHash3.HashToUInt64(payload.GetBuffer().AsSpan(0, (int)payload.Length)));
        h.Write(payload.GetBuffer(), 0, (int)payload.Length);
    }

    /// <summary>The cached file and index when the header matches <paramref name="key"/>; null otherwise. Throws on damage.</summary>
    public static (CatalogFile, SearchIndex)? Read(Stream stream, CacheKey key, string path)
    {
        using var h = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (h.ReadUInt64() != Magic || h.ReadInt32() != key.Version) return null;
        if (h.ReadString() != key.Path || h.ReadInt64() != key.Size || h.ReadInt64() != key.MTimeTicks || h.ReadUInt64() != key.ContentHash) return null;
        var length = h.ReadInt64();
        var hash = h.ReadUInt64();
        if (length < 0 || length != stream.Length - stream.Position) throw new InvalidDataException("cache file is truncated");
        var bytes = new byte[length];
        stream.ReadExactly(bytes);
        if (XxHash3.HashToUInt64(bytes) != hash) throw new InvalidDataException("cache file is damaged");

        var payload = new MemoryStream(bytes, writable: false);
        using var r = new BinaryReader(payload, Encoding.UTF8, leaveOpen: true);
        var format = r.ReadString();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = new Entry[Count(r, payload)];
        for (var i = 0; i < entries.Length; i++) entries[i] = ReadEntry(r, payload, path, names);
        var diagnostics = new CatalogDiagnostic[Count(r, payload)];
        for (var i = 0; i < diagnostics.Length; i++)
        {
            var severity = (Severity)r.ReadInt32();
            if (!Enum.IsDefined(severity)) throw new InvalidDataException("bad severity");
            var d = new CatalogDiagnostic(severity, r.ReadString(), r.ReadString(), new SourceSpan(path, r.ReadInt32(), r.ReadInt32()));
            diagnostics[i] = r.ReadBoolean() ? d with { Related = new SourceSpan(path, r.ReadInt32(), r.ReadInt32()) } : d;
        }
        var textLength = r.ReadInt32();
        var starts = new int[Count(r, payload)];
        payload.ReadExactly(System.Runtime.InteropServices.MemoryMarshal.AsBytes(starts.AsSpan()));
        var lines = LineIndex.FromStarts(starts, textLength) ?? throw new InvalidDataException("bad line starts");
        var index = SearchIndex.ReadFrom(payload, entries) ?? throw new InvalidDataException("bad search index");
        if (r.ReadUInt32() != End || payload.Position != payload.Length) throw new InvalidDataException("cache file is incomplete");
        return (new CatalogFile(path, format, entries, diagnostics, lines) { FromCache = true }, index);
    }

    private static void WriteEntry(BinaryWriter w, Entry e)
    {
        w.Write(e.Key); w.Write(e.Type); w.Write(e.Title);
        w.Write(e.Authors.Count);
        foreach (var p in e.Authors) { w.Write(p.Family); w.Write(p.Given); Optional(w, p.Literal); w.Write(p.Suffix); }
        w.Write(e.AuthorsTruncated);
        w.Write(e.Date.Year ?? int.MinValue); w.Write(e.Date.Month ?? int.MinValue); w.Write(e.Date.Day ?? int.MinValue);
        Optional(w, e.Venue); Optional(w, e.Doi); Optional(w, e.Url); Optional(w, e.ArxivId);
        w.Write(e.Aliases.Count);
        foreach (var a in e.Aliases) w.Write(a);
        w.Write(e.ContentHash);
        w.Write(e.Location.Start); w.Write(e.Location.Length); w.Write(e.KeyLocation.Start); w.Write(e.KeyLocation.Length);
    }

    private static Entry ReadEntry(BinaryReader r, Stream s, string path, Dictionary<string, string> names)
    {
        var key = r.ReadString();
        var type = Intern(names, r.ReadString());
        var title = r.ReadString();
        var authors = new Person[Count(r, s)];
        for (var i = 0; i < authors.Length; i++)
            authors[i] = new Person(Intern(names, r.ReadString()), Intern(names, r.ReadString()), OptionalString(r)) { Suffix = r.ReadString() };
        return new Entry
        {
            Key = key, Type = type, Title = title, Authors = authors, AuthorsTruncated = r.ReadBoolean(),
            Date = new PartialDate(Int(r.ReadInt32()), Int(r.ReadInt32()), Int(r.ReadInt32())),
            Venue = OptionalString(r) is { } venue ? Intern(names, venue) : null,
            Doi = OptionalString(r), Url = OptionalString(r), ArxivId = OptionalString(r),
            Aliases = Aliases(r, s), ContentHash = r.ReadUInt64(),
            Location = new SourceSpan(path, r.ReadInt32(), r.ReadInt32()),
            KeyLocation = new SourceSpan(path, r.ReadInt32(), r.ReadInt32()),
        };
    }

    private static string[] Aliases(BinaryReader r, Stream s)
    {
        var n = Count(r, s);
        if (n == 0) return [];
        var aliases = new string[n];
        for (var i = 0; i < n; i++) aliases[i] = r.ReadString();
        return aliases;
    }

    /// <summary>A count that cannot exceed what is left of the stream (a damaged count fails here, not in a huge allocation).</summary>
    private static int Count(BinaryReader r, Stream s)
    {
        var n = r.ReadInt32();
        if (n < 0 || n > s.Length - s.Position) throw new InvalidDataException("bad count");
        return n;
    }

    private static int? Int(int v) => v == int.MinValue ? null : v;

    private static void Optional(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null) w.Write(s);
    }

    private static string? OptionalString(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static string Intern(Dictionary<string, string> names, string s)
    {
        if (names.TryGetValue(s, out var interned)) return interned;
        names[s] = s;
        return s;
    }
}
