using System.Text.RegularExpressions;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Seeds;

/// <summary>
/// The "profile" seed format: page noise, then one paper per three lines:
/// title; authors as "Family, Given, Family, Given, …"; abstract (one long line). No dates.
/// </summary>
public static partial class SeedProfileParser
{
    public const string Format = "seed-profile";

    // Abstracts are prose; titles and headers are short.
    private const int MinAbstractWords = 25;

    public static bool Detect(string text)
    {
        var lines = SeedLine.Read(text);
        for (var i = 0; i + 2 < lines.Count && i < 12; i++)
            if (IsPaperAt(lines, i)) return true;
        return false;
    }

    public static CatalogFile Parse(string path, string text)
    {
        var lines = SeedLine.Read(text);
        var entries = new List<Entry>();
        var diagnostics = new List<CatalogDiagnostic>();
        var i = 0;
        while (i < lines.Count)
        {
            if (IsPaperAt(lines, i))
            {
                entries.Add(MakeEntry(path, lines[i], lines[i + 1], lines[i + 2]));
                i += 3;
            }
            else if (i + 1 < lines.Count && entries.Count > 0 && IsTitle(lines[i].Text) && ParseAuthors(lines[i + 1].Text) is not null
                     && (i + 2 == lines.Count || IsPaperAt(lines, i + 2)))
            {
                diagnostics.Add(new(Severity.Warning, "seed-missing-abstract",
                    $"paper \"{lines[i].Text}\" has no abstract line (file truncated?)", lines[i].Span(path)));
                entries.Add(MakeEntry(path, lines[i], lines[i + 1], null));
                i += 2;
            }
            else
            {
                // Lines before the first paper are the page header (noise and the profile owner's name).
                if (entries.Count > 0)
                    diagnostics.Add(new(Severity.Warning, "seed-unrecognized-line",
                        $"line does not fit the profile format (title / authors / abstract); skipped", lines[i].Span(path)));
                i++;
            }
        }
        return new CatalogFile(path, Format, entries, diagnostics, new LineIndex(text));
    }

    private static bool IsPaperAt(List<SeedLine> lines, int i) =>
        i + 2 < lines.Count && IsTitle(lines[i].Text) && ParseAuthors(lines[i + 1].Text) is not null && IsAbstract(lines[i + 2].Text);

    private static bool IsTitle(string line) => line.Length <= 400 && ParseAuthors(line) is null && !IsAbstract(line);

    private static bool IsAbstract(string line) => WordCount(line) >= MinAbstractWords;

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    /// <summary>"Family, Given, Family, Given" → people, or null when the line is not such a list.</summary>
    internal static List<Person>? ParseAuthors(string line)
    {
        var parts = line.Split(',').Select(p => p.Trim()).ToArray();
        if (parts.Length < 2 || parts.Length % 2 != 0) return null;
        if (!parts.All(IsNamePart)) return null;
        var people = new List<Person>();
        for (var k = 0; k < parts.Length; k += 2) people.Add(new Person(parts[k], parts[k + 1]));
        return people;
    }

    private static bool IsNamePart(string part) => part.Length is > 0 and <= 40 && NamePart().IsMatch(part);

    [GeneratedRegex(@"^\p{Lu}[\p{L}'.\-]*( \p{L}[\p{L}'.\-]*){0,3}$")]
    private static partial Regex NamePart();

    private static Entry MakeEntry(string path, SeedLine title, SeedLine authors, SeedLine? abstractLine)
    {
        var last = abstractLine ?? authors;
        var span = new SourceSpan(path, title.Start, last.Start + last.Text.Length - title.Start);
        return new Entry
        {
            Key = "",
            Type = "misc",
            Title = title.Text,
            Authors = ParseAuthors(authors.Text)!,
            Abstract = abstractLine?.Text,
            Location = span,
            KeyLocation = title.Span(path),
        };
    }
}
