using System.Runtime.InteropServices;
using CiteLsp.Core.Search;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>The entries of a cache payload: distinct persons, the flat author and alias lists, then one
/// <see cref="EntryRecord"/> per entry. Read back on all cores; every index is checked, so damage throws.</summary>
internal static class EntryTable
{
    public static void Write(BinaryWriter w, IReadOnlyList<Entry> entries, StringTable strings)
    {
        var personIds = new Dictionary<Person, int>();
        var persons = new List<PersonRecord>();
        var authors = new List<int>();
        var aliases = new List<int>();
        var records = new EntryRecord[entries.Count];
        for (var i = 0; i < records.Length; i++)
        {
            var e = entries[i];
            records[i] = new EntryRecord
            {
                Key = strings.Id(e.Key), Type = strings.Id(e.Type), Title = strings.Id(e.Title), Venue = strings.OptionalId(e.Venue),
                Doi = strings.OptionalId(e.DoiInMemory), Url = strings.OptionalId(e.UrlInMemory), ArxivId = strings.OptionalId(e.ArxivId),
                AuthorStart = authors.Count, AuthorCount = e.Authors.Count, AliasStart = aliases.Count, AliasCount = e.Aliases.Count,
                Year = e.Date.Year ?? int.MinValue, Month = e.Date.Month ?? int.MinValue, Day = e.Date.Day ?? int.MinValue,
                Flags = e.AuthorsTruncated ? EntryRecord.AuthorsTruncated : 0,
                Start = e.Location.Start, Length = e.Location.Length, KeyStart = e.KeyLocation.Start, KeyLength = e.KeyLocation.Length,
                ContentHash = e.ContentHash,
            };
            foreach (var p in e.Authors)
            {
                if (!personIds.TryGetValue(p, out var id))
                {
                    personIds[p] = id = persons.Count;
                    persons.Add(new PersonRecord(strings.Id(p.Family), strings.Id(p.Given), strings.OptionalId(p.Literal), strings.Id(p.Suffix)));
                }
                authors.Add(id);
            }
            foreach (var a in e.Aliases) aliases.Add(strings.Id(a));
        }
        Array(w, CollectionsMarshal.AsSpan(persons));
        Array(w, CollectionsMarshal.AsSpan(authors));
        Array(w, CollectionsMarshal.AsSpan(aliases));
        Array(w, records.AsSpan());
    }

    public static Entry[] Read(BlockReader r, string[] strings, string path, Bibtex.BibDiskFields? onDisk = null)
    {
        var persons = Persons(r.Array<PersonRecord>(), strings);
        var authors = r.Array<int>();
        var aliases = r.Array<int>();
        var records = r.Array<EntryRecord>();
        var entries = new Entry[records.Length];
        Cores.Parts(entries.Length, (from, to) =>
        {
            for (var i = from; i < to; i++) entries[i] = Entry(records[i], strings, persons, authors, aliases, path, onDisk);
        });
        return entries;
    }

    private static Person[] Persons(PersonRecord[] records, string[] strings)
    {
        var persons = new Person[records.Length];
        for (var i = 0; i < persons.Length; i++)
        {
            var p = records[i];
            persons[i] = new Person(StringTable.At(strings, p.Family), StringTable.At(strings, p.Given), StringTable.OptionalAt(strings, p.Literal))
                { Suffix = StringTable.At(strings, p.Suffix) };
        }
        return persons;
    }

    private static Entry Entry(in EntryRecord e, string[] strings, Person[] persons, int[] authorIds, int[] aliasIds, string path, Bibtex.BibDiskFields? onDisk)
    {
        var authors = Range(authorIds, e.AuthorStart, e.AuthorCount);
        var people = authors.Length == 0 ? [] : new Person[authors.Length];
        for (var i = 0; i < people.Length; i++)
            people[i] = (uint)authors[i] < (uint)persons.Length ? persons[authors[i]] : throw new InvalidDataException("bad person index");
        var aliasRange = Range(aliasIds, e.AliasStart, e.AliasCount);
        var aliases = aliasRange.Length == 0 ? [] : new string[aliasRange.Length];
        for (var i = 0; i < aliases.Length; i++) aliases[i] = StringTable.At(strings, aliasRange[i]);
        return new Entry
        {
            Key = StringTable.At(strings, e.Key), Type = StringTable.At(strings, e.Type), Title = StringTable.At(strings, e.Title),
            Authors = people, AuthorsTruncated = (e.Flags & EntryRecord.AuthorsTruncated) != 0,
            Date = new PartialDate(Part(e.Year), Part(e.Month), Part(e.Day)),
            Venue = StringTable.OptionalAt(strings, e.Venue), Doi = StringTable.OptionalAt(strings, e.Doi),
            Url = StringTable.OptionalAt(strings, e.Url), ArxivId = StringTable.OptionalAt(strings, e.ArxivId),
            Aliases = aliases, ContentHash = e.ContentHash,
            Location = new SourceSpan(path, e.Start, e.Length),
            KeyLocation = new SourceSpan(path, e.KeyStart, e.KeyLength),
            OnDisk = onDisk,
        };
    }

    private static ReadOnlySpan<int> Range(int[] ids, int start, int count) =>
        start >= 0 && count >= 0 && count <= ids.Length - start ? ids.AsSpan(start, count) : throw new InvalidDataException("bad list range");

    private static int? Part(int v) => v == int.MinValue ? null : v;

    private static void Array<T>(BinaryWriter w, ReadOnlySpan<T> values) where T : unmanaged
    {
        w.Write(values.Length);
        w.Write(MemoryMarshal.AsBytes(values));
    }
}
