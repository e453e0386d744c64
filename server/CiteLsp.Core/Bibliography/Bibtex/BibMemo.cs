namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// One thread's memo while a file's entries are built: a name or a venue written the same way again is parsed once
/// and the result shared (a big library names the same authors and journals thousands of times).
/// </summary>
internal sealed class BibMemo
{
    private readonly Dictionary<string, Person>.AlternateLookup<ReadOnlySpan<char>> _people =
        new Dictionary<string, Person>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _venues =
        new Dictionary<string, string>(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    public Person Person(ReadOnlySpan<char> name)
    {
        if (!_people.TryGetValue(name, out var person)) _people[name] = person = BibNames.ParseName(name);
        return person;
    }

    public string Venue(ReadOnlySpan<char> raw)
    {
        if (!_venues.TryGetValue(raw, out var venue)) _venues[raw] = venue = TexText.ToDisplay(raw);
        return venue;
    }
}
