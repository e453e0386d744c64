using System.IO.Hashing;
using System.Runtime.InteropServices;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>Turns a scanned entry into an <see cref="Entry"/>: display title, parsed names, date, venue, identifiers.</summary>
internal static class BibEntryBuilder
{
    private static readonly string[] VenueFields = ["journal", "journaltitle", "booktitle", "publisher", "howpublished", "school", "institution"];

    /// <param name="memo">This thread's names and venues parsed before (shared, not parsed again).</param>
    /// <param name="disk">For a lean library: the entry keeps no raw fields and reads them from the file.</param>
    public static Entry Build(RawEntry e, string path, ulong macroSeed, BibMemo? memo = null, BibDiskFields? disk = null)
    {
        var source = e.Source;
        var f = e.Fields;
        var (people, truncated) = Span(f, "author", out var names) || Span(f, "editor", out names) ? BibNames.Parse(names, memo) : ([], false);
        return new Entry
        {
            Key = e.Key,
            Type = e.Type,
            Title = Span(f, "title", out var title) ? TexText.ToDisplay(title) : "",
            Authors = people,
            AuthorsTruncated = truncated,
            Date = BibDates.FromFields(f, e.MonthFromMacro),
            Venue = Venue(f, memo),
            Doi = disk is null ? Doi(f) : null,
            Url = disk is null ? Url(f) : null,
            ArxivId = ArxivId(f),
            Aliases = Get(f, "ids") is { } ids ? ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [],
            FieldsInMemory = disk is null ? f : null,
            OnDisk = disk,
            ContentHash = ContentHash(e, macroSeed),
            Location = new SourceSpan(path, e.Start, e.End - e.Start),
            KeyLocation = new SourceSpan(path, e.KeyStart, e.Key.Length),
            Origin = disk is null ? source : null, // after the spans: they are offsets in this version
        };
    }

    /// <summary>Hash of the entry's text, XORed with the macros' (so an entry built before every macro was known can take
    /// that part later); an entry that inherits fields hashes all its values (its parent may change alone).</summary>
    private static ulong ContentHash(RawEntry e, ulong macroSeed)
    {
        if (!BibInheritance.Inherits(e)) return TextHash(e) ^ macroSeed;
        // One hasher per thread and seed (a file's entries share one), reset for each entry: not 600 bytes per entry.
        if (t_hash is not { } hash || t_hashSeed != macroSeed) (t_hash, t_hashSeed) = (hash = new XxHash3((long)macroSeed), macroSeed);
        else hash.Reset();
        hash.Append(MemoryMarshal.AsBytes(e.Source.Slice(e.Start, e.End - e.Start)));
        foreach (var (name, value) in e.Fields)
        {
            hash.Append(MemoryMarshal.AsBytes(name.AsSpan()));
            hash.Append(MemoryMarshal.AsBytes(value.AsSpan()));
        }
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>The hash of the entry's text alone: the content hash of an entry that inherits nothing, without the
    /// macros' part (what <see cref="LeanReuse"/> compares an old entry's with).</summary>
    internal static ulong TextHash(RawEntry e) => XxHash3.HashToUInt64(MemoryMarshal.AsBytes(e.Source.Slice(e.Start, e.End - e.Start)));

    [ThreadStatic] private static XxHash3? t_hash;
    [ThreadStatic] private static ulong t_hashSeed;

    private static bool Span(BibFields f, string name, out ReadOnlySpan<char> value) =>
        f.TryGetSpan(name, out value) && !value.IsWhiteSpace();

    private static string? Get(BibFields f, string name) =>
        f.TryGetValue(name, out var v) && !string.IsNullOrWhiteSpace(v) ? v : null;

    internal static string? Doi(BibFields f) => Get(f, "doi")?.Trim();

    internal static string? Url(BibFields f) => Get(f, "url")?.Trim();

    private static string? Venue(BibFields f, BibMemo? memo)
    {
        foreach (var name in VenueFields)
            if (Span(f, name, out var v)) return memo is null ? TexText.ToDisplay(v) : memo.Venue(v);
        return null;
    }

    private static string? ArxivId(BibFields f)
    {
        var prefix = Get(f, "archiveprefix") ?? Get(f, "eprinttype");
        if (prefix is not null && Get(f, "eprint") is { } eprint && prefix.Trim('{', '}', ' ').Equals("arxiv", StringComparison.OrdinalIgnoreCase))
            return eprint.Trim('{', '}', ' ');
        return Get(f, "arxivid")?.Trim();
    }
}
