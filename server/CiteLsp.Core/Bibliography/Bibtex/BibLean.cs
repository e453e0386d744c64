using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// A huge library kept lean: its entries keep what completion shows (people and venues shared between entries) and
/// read their raw fields and abstract from the file when asked; the text (two bytes per character) is let go. A
/// million-entry library then fits in memory beside its index. Such a file is parsed whole on every change.
/// </summary>
internal static class BibLean
{
    public static CatalogFile Slim(CatalogFile parsed, ByteOffsets offsets)
    {
        var disk = new BibDiskFields(parsed.Path, offsets, parsed.Bibtex?.Macros ?? new Dictionary<string, string>());
        var entries = new Entry[parsed.Entries.Count];
        // Each half shares its own people and venues (a common name is then kept twice, not a million times).
        BothCores.Halves(entries.Length, (from, to) =>
        {
            var people = new Dictionary<Person, Person>();
            var venues = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = from; i < to; i++)
            {
                var e = parsed.Entries[i];
                entries[i] = new Entry
                {
                    Key = e.Key, Type = e.Type, Title = e.Title, Authors = Shared(e.Authors, people), AuthorsTruncated = e.AuthorsTruncated,
                    Date = e.Date, Venue = e.Venue is { } v ? venues.TryAdd(v, v) ? v : venues[v] : null,
                    Doi = e.Doi, Url = e.Url, ArxivId = e.ArxivId, Aliases = e.Aliases, ContentHash = e.ContentHash,
                    Location = e.Location, KeyLocation = e.KeyLocation, OnDisk = disk,
                };
            }
        });
        disk.Attach(entries);
        return parsed with { Entries = entries, Bibtex = null, OnDisk = disk };
    }

    private static Person[] Shared(IReadOnlyList<Person> authors, Dictionary<Person, Person> people)
    {
        if (authors.Count == 0) return [];
        var shared = new Person[authors.Count];
        for (var i = 0; i < shared.Length; i++)
            shared[i] = people.TryAdd(authors[i], authors[i]) ? authors[i] : people[authors[i]];
        return shared;
    }
}
