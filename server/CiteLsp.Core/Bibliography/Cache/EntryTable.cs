using System.Runtime.InteropServices;
using CiteLsp.Core.Search;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>The entries of a cache payload: one <see cref="EntryRecord"/> per entry, the flat author and alias lists, then
/// the distinct persons. Written as the entries are walked, nothing gathered first; read back on all cores; every index
/// is checked, so damage throws.</summary>
internal static class EntryTable
{
    /// <summary>Values staged before each write to the stream (a write per value costs more than the value).</summary>
    private const int Staged = 4096;

    public static void Write(BinaryWriter w, IReadOnlyList<Entry> entries, StringTable strings)
    {
        var records = new EntryRecord[Math.Min(entries.Count, Staged)];
        w.Write(entries.Count);
        int authorCount = 0, aliasCount = 0;
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            records[i % Staged] = new EntryRecord
            {
                Key = strings.Unique(e.Key), Type = strings.Id(e.Type), Title = strings.Id(e.Title), Venue = strings.OptionalId(e.Venue),
                Doi = strings.OptionalId(e.DoiInMemory), Url = strings.OptionalId(e.UrlInMemory), ArxivId = strings.OptionalId(e.ArxivId),
                AuthorStart = authorCount, AuthorCount = e.Authors.Count, AliasStart = aliasCount, AliasCount = e.Aliases.Count,
                Year = e.Date.Year ?? int.MinValue, Month = e.Date.Month ?? int.MinValue, Day = e.Date.Day ?? int.MinValue,
                Flags = e.AuthorsTruncated ? EntryRecord.AuthorsTruncated : 0,
                Start = e.Location.Start, Length = e.Location.Length, KeyStart = e.KeyLocation.Start, KeyLength = e.KeyLocation.Length,
                ContentHash = e.ContentHash,
            };
            (authorCount, aliasCount) = (checked(authorCount + e.Authors.Count), checked(aliasCount + e.Aliases.Count));
            if (i % Staged == Staged - 1 || i == entries.Count - 1) w.Write(MemoryMarshal.AsBytes(records.AsSpan(0, i % Staged + 1)));
        }

        var personIds = new Dictionary<Person, int>();
        var persons = new List<PersonRecord>();
        var ids = new IdWriter(w, authorCount);
        for (var i = 0; i < entries.Count; i++)
        {
            var authors = entries[i].Authors;
            for (var j = 0; j < authors.Count; j++) // not foreach: an enumerator per entry through the interface
            {
                var p = authors[j];
                if (!personIds.TryGetValue(p, out var id))
                {
                    personIds[p] = id = persons.Count;
                    persons.Add(new PersonRecord(strings.Id(p.Family), strings.Id(p.Given), strings.OptionalId(p.Literal), strings.Id(p.Suffix)));
                }
                ids.Add(id);
            }
        }
        ids.Flush();
        ids = new IdWriter(w, aliasCount);
        for (var i = 0; i < entries.Count; i++)
            foreach (var a in entries[i].Aliases) ids.Add(strings.Id(a));
        ids.Flush();
        Array(w, CollectionsMarshal.AsSpan(persons));
    }

    /// <summary>An int array of a known length written as it is made, a staged block at a time.</summary>
    private sealed class IdWriter
    {
        private readonly BinaryWriter _w;
        private readonly int[] _staged = new int[Staged];
        private int _count;

        public IdWriter(BinaryWriter w, int length)
        {
            _w = w;
            w.Write(length);
        }

        public void Add(int id)
        {
            _staged[_count++] = id;
            if (_count == Staged) Flush();
        }

        public void Flush()
        {
            _w.Write(MemoryMarshal.AsBytes(_staged.AsSpan(0, _count)));
            _count = 0;
        }
    }

    public static Entry[] Read(BlockReader r, string[] strings, string path, Bibtex.BibDiskFields? onDisk = null)
    {
        var records = r.Array<EntryRecord>();
        var authors = r.Array<int>();
        var aliases = r.Array<int>();
        var persons = Persons(r.Array<PersonRecord>(), strings);
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
