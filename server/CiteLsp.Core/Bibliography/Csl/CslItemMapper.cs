using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Csl;

/// <summary>
/// Maps one CSL item (as a plain tree: string-keyed maps, lists, and strings for every scalar) to an <see cref="Entry"/>.
/// Shared by the JSON and YAML loaders.
/// </summary>
public static class CslItemMapper
{
    public static Entry? Map(IReadOnlyDictionary<string, object?> item, SourceSpan location, SourceSpan keyLocation)
    {
        if (Str(item, "id") is not { Length: > 0 } id) return null;
        var (people, truncated) = People(item.GetValueOrDefault("author") ?? item.GetValueOrDefault("editor"));
        return new Entry
        {
            Key = id,
            Type = BibType(Str(item, "type")),
            Title = Str(item, "title") ?? "",
            Authors = people,
            AuthorsTruncated = truncated,
            Date = Date(item.GetValueOrDefault("issued")),
            Venue = Str(item, "container-title") ?? Str(item, "publisher"),
            Abstract = Str(item, "abstract"),
            Doi = Str(item, "DOI") ?? Str(item, "doi"),
            Url = Str(item, "URL") ?? Str(item, "url"),
            Location = location,
            KeyLocation = keyLocation,
        };
    }

    public static string BibType(string? cslType) => cslType switch
    {
        "article-journal" or "article-magazine" or "article-newspaper" => "article",
        "paper-conference" => "inproceedings",
        "book" => "book",
        "chapter" => "incollection",
        "thesis" => "phdthesis",
        "report" => "techreport",
        "webpage" or "post-weblog" or "post" => "online",
        "dataset" => "dataset",
        "software" => "software",
        _ => "misc",
    };

    private static string? Str(IReadOnlyDictionary<string, object?> map, string name) =>
        map.GetValueOrDefault(name) is string s && !string.IsNullOrWhiteSpace(s) ? s.Trim() : null;

    private static (List<Person>, bool) People(object? node)
    {
        var people = new List<Person>();
        if (node is not List<object?> list) return (people, false);
        foreach (var n in list)
        {
            var person = n switch
            {
                string literal => Person.Corporate(literal),
                IReadOnlyDictionary<string, object?> p => Str(p, "literal") is { } lit ? Person.Corporate(lit) : Named(p),
                _ => null,
            };
            if (person is { IsBlank: false }) people.Add(person);
        }
        return (people, false);
    }

    private static Person Named(IReadOnlyDictionary<string, object?> p) => new(
        string.Join(' ', new[] { Str(p, "non-dropping-particle"), Str(p, "family") }.Where(x => x is not null)),
        string.Join(' ', new[] { Str(p, "given"), Str(p, "dropping-particle") }.Where(x => x is not null)))
    { Suffix = Str(p, "suffix") ?? "" };

    /// <summary>{"date-parts": [[y, m, d]]}, {"raw": "…"}, {"literal": "…"}, "2019-05-03", or pandoc's [{year: …}].</summary>
    internal static PartialDate Date(object? node)
    {
        switch (node)
        {
            case string s: return FromText(s);
            case List<object?> { Count: > 0 } list: return Date(list[0]);
            case IReadOnlyDictionary<string, object?> map:
                if (map.GetValueOrDefault("date-parts") is List<object?> { Count: > 0 } parts && parts[0] is List<object?> first)
                    return FromParts(first.Select(x => x as string).ToList());
                if (Str(map, "year") is { } year) return FromParts([year, Str(map, "month"), Str(map, "day")]);
                if ((Str(map, "raw") ?? Str(map, "literal")) is { } raw) return FromText(raw);
                return default;
            default: return default;
        }
    }

    private static PartialDate FromParts(List<string?> parts)
    {
        int? Part(int i, int min, int max) => i < parts.Count && int.TryParse(parts[i], out var v) && v >= min && v <= max ? v : null;
        var year = Part(0, 1, 9999);
        if (year is null) return default;
        var month = Part(1, 1, 12);
        return new PartialDate(year, month, month is null ? null : Part(2, 1, 31));
    }

    /// <summary>ISO-like text first; otherwise the first four-digit number is taken as the year ("Spring 2019").</summary>
    private static PartialDate FromText(string s)
    {
        var iso = BibDates.ParseIso(s);
        if (iso.Year is not null) return iso;
        for (var i = 0; i + 4 <= s.Length; i++)
            if (s.AsSpan(i, 4).IndexOfAnyExceptInRange('0', '9') < 0 && (i + 4 == s.Length || !char.IsAsciiDigit(s[i + 4])) && (i == 0 || !char.IsAsciiDigit(s[i - 1])))
                return new PartialDate(int.Parse(s.AsSpan(i, 4)));
        return default;
    }
}
