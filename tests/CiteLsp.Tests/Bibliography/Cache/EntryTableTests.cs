using System.Runtime.InteropServices;
using System.Text;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Cache;
using CiteLsp.Core.Search;

namespace CiteLsp.Tests.Bibliography.Cache;

/// <summary>Entries in the cache as fixed-size records over a string table and a person table.</summary>
public class EntryTableTests
{
    private static byte[] Written(IReadOnlyList<Entry> entries)
    {
        var strings = new StringTable();
        var body = new MemoryStream();
        using (var w = new BinaryWriter(body, Encoding.UTF8, leaveOpen: true)) EntryTable.Write(w, entries, strings);
        var payload = new MemoryStream();
        using (var w = new BinaryWriter(payload, Encoding.UTF8, leaveOpen: true))
        {
            strings.Write(w);
            w.Write(body.ToArray());
        }
        return payload.ToArray();
    }

    private static Entry[] Read(byte[] payload, string path)
    {
        var stream = new MemoryStream(payload);
        var r = new BlockReader(stream);
        var entries = EntryTable.Read(r, StringTable.Read(r), path);
        Assert.Equal(payload.Length, stream.Position);
        return entries;
    }

    private static string Describe(Entry e) => string.Join(" | ", e.Key, e.Type, e.Title,
        string.Join(";", e.Authors.Select(p => $"{p.Given}/{p.Family}/{p.Literal ?? "<null>"}/{p.Suffix}")), e.AuthorsTruncated, e.Date,
        e.Venue ?? "<null>", e.Doi ?? "<null>", e.Url ?? "<null>", e.ArxivId ?? "<null>", string.Join(",", e.Aliases), e.Location, e.KeyLocation, e.ContentHash);

    [Theory]
    [InlineData("bib/large/cdl.bib")] // 6k entries: decoded as two halves
    [InlineData("bib/exports/acmart-sample-base.bib")] // a few dozen: decoded on one thread
    public void Entries_read_back_as_written_in_order_whether_decoded_on_one_thread_or_two(string corpusFile)
    {
        var file = CatalogLoader.Load(TestPaths.CorpusFile(corpusFile));
        var read = Read(Written(file.Entries), file.Path);
        Assert.Equal(file.Entries.Select(Describe), read.Select(Describe));
    }

    [Fact]
    public void Optional_fields_keep_null_apart_from_empty_and_equal_people_are_one_object()
    {
        var path = "/lib.bib";
        Entry Make(string key, string? venue) => new()
        {
            Key = key, Title = "", Venue = venue, Doi = null, Url = "", Aliases = [key + "-alias"], AuthorsTruncated = true,
            Authors = [new Person("Knuth", "Donald E.") { Suffix = "Jr" }, Person.Corporate("ACM"), new Person("Lamport", "", "")],
            Date = new PartialDate(1984, 2, null), ContentHash = 42, Location = new(path, 1, 2), KeyLocation = new(path, 3, 4),
        };
        var read = Read(Written([Make("a", null), Make("b", "")]), path);
        Assert.Equal([Describe(Make("a", null)), Describe(Make("b", ""))], read.Select(Describe));
        Assert.Same(read[0].Authors[0], read[1].Authors[0]);
        Assert.Same(read[0].Title, read[1].Title);
    }

    [Fact]
    public void Keys_are_stored_once_each_and_more_entries_than_a_staged_block_read_back()
    {
        // 5000 entries: the records and author ids are written in blocks of 4096 as they are made.
        var people = Enumerable.Range(0, 7).Select(i => new Person($"Family{i}", $"Given{i}")).ToArray();
        var entries = Enumerable.Range(0, 5000).Select(i => new Entry
        {
            Key = $"key{i}", Title = i % 2 == 0 ? "Same title" : $"key{i}", Authors = [people[i % 7], people[(i + 3) % 7]],
            Aliases = i % 1000 == 0 ? [$"alias{i}"] : [], Location = new("/lib.bib", i * 10, 9), KeyLocation = new("/lib.bib", i * 10 + 1, 4),
        }).ToArray();
        var payload = Written(entries);
        var read = Read(payload, "/lib.bib");
        Assert.Equal(entries.Select(Describe), read.Select(Describe));
        Assert.Same(read[0].Authors[0], read[7].Authors[0]);
        Assert.Same(read[0].Title, read[2].Title);
        // Keys are not looked up to be shared: 5000 keys, 1 shared title, 2500 other titles equal to keys (their own
        // strings), 7 people's 14 names, the empty suffix, 5 aliases and the type.
        Assert.Equal(5000 + 1 + 2500 + 14 + 1 + 5 + 1, StringTable.Read(new BlockReader(new MemoryStream(payload))).Length);
    }

    [Theory]
    [InlineData(2, 1 << 30)] // Title: a string index past the table
    [InlineData(3, -2)] // Venue: below "none"
    [InlineData(7, 1 << 20)] // AuthorStart: a range past the author list
    [InlineData(8, -1)] // AuthorCount
    public void A_damaged_index_or_range_in_an_entry_record_is_damage(int field, int value)
    {
        var entries = CatalogLoader.Load(TestPaths.CorpusFile("bib/exports/acmart-sample-base.bib")).Entries;
        var payload = Written(entries);
        var stream = new MemoryStream(payload);
        StringTable.Read(new BlockReader(stream));
        var records = (int)stream.Position + 4; // after the string table and the record count
        MemoryMarshal.Cast<byte, int>(payload.AsSpan(records + Marshal.SizeOf<EntryRecord>() * (entries.Count / 2)))[field] = value;
        Assert.Throws<InvalidDataException>(() => Read(payload, "/lib.bib"));
    }

    [Fact]
    public void A_person_index_past_the_person_table_is_damage()
    {
        var entries = CatalogLoader.Load(TestPaths.CorpusFile("bib/exports/acmart-sample-base.bib")).Entries;
        var payload = Written(entries);
        var stream = new MemoryStream(payload);
        var r = new BlockReader(stream);
        StringTable.Read(r);
        r.Array<EntryRecord>();
        var authors = (int)stream.Position + 4; // the author list: person indexes
        Assert.True(r.Array<int>().Length > 0);
        r.Array<int>(); // aliases
        var persons = r.Array<PersonRecord>();
        MemoryMarshal.Cast<byte, int>(payload.AsSpan(authors))[0] = persons.Length;
        Assert.Throws<InvalidDataException>(() => Read(payload, "/lib.bib"));
    }
}
