using System.Text.RegularExpressions;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Seeds;

/// <summary>
/// The "listing" seed format: one paper per three lines:
/// "[score]CATEGORY&lt;date&gt;" (e.g. "LGJun 14, 2023", "81.0AIMay 10");
/// title and authors glued together ("…For SGDEtay Livne, Gal Kaplun et al."); abstract.
/// </summary>
public static partial class SeedListingParser
{
    public const string Format = "seed-listing";

    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    [GeneratedRegex(@"^(?<score>\d+(?:\.\d+)?)?(?<cat>[A-Z][A-Za-z\-.]*?)(?<mon>Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.? (?<day>\d{1,2})(?:, (?<year>\d{4}))?$")]
    private static partial Regex Header();

    public static bool Detect(string text)
    {
        var lines = SeedLine.Read(text);
        return lines.Take(6).Any(l => Header().IsMatch(l.Text));
    }

    public static CatalogFile Parse(string path, string text)
    {
        var lines = SeedLine.Read(text);
        var entries = new List<Entry>();
        var diagnostics = new List<CatalogDiagnostic>();
        var i = 0;
        while (i < lines.Count)
        {
            var header = Header().Match(lines[i].Text);
            if (!header.Success)
            {
                diagnostics.Add(new(Severity.Warning, "seed-unrecognized-line",
                    "line does not fit the listing format (expected a category/date line such as 'LGJun 14, 2023'); skipped", lines[i].Span(path)));
                i++;
                continue;
            }
            var hasBody = i + 1 < lines.Count && !Header().IsMatch(lines[i + 1].Text);
            if (!hasBody)
            {
                diagnostics.Add(new(Severity.Warning, "seed-missing-title",
                    "category/date line is not followed by a title and authors line (file truncated?); skipped", lines[i].Span(path)));
                i++;
                continue;
            }
            var body = lines[i + 1];
            var split = SplitTitleAuthors(body.Text);
            if (split is null)
            {
                diagnostics.Add(new(Severity.Warning, "seed-unsplittable",
                    "cannot tell where the title ends and the authors begin; kept the whole line as the title", body.Span(path)));
            }
            SeedLine? abstractLine = i + 2 < lines.Count && !Header().IsMatch(lines[i + 2].Text) ? lines[i + 2] : null;
            if (abstractLine is null)
                diagnostics.Add(new(Severity.Warning, "seed-missing-abstract",
                    "paper has no abstract line (file truncated?)", body.Span(path)));

            var last = abstractLine ?? body;
            entries.Add(new Entry
            {
                Key = "",
                Type = "misc",
                Title = split?.Title ?? body.Text,
                Authors = split?.Authors ?? [],
                AuthorsTruncated = split?.EtAl ?? false,
                Date = ParseDate(header),
                Venue = header.Groups["cat"].Value,
                Abstract = abstractLine?.Text,
                Fields = header.Groups["score"].Success
                    ? new Dictionary<string, string> { ["score"] = header.Groups["score"].Value }
                    : new Dictionary<string, string>(),
                Location = new SourceSpan(path, lines[i].Start, last.Start + last.Text.Length - lines[i].Start),
                KeyLocation = body.Span(path),
            });
            i += abstractLine is null ? 2 : 3;
        }
        return new CatalogFile(path, Format, entries, diagnostics, new LineIndex(text));
    }

    private static PartialDate ParseDate(Match header)
    {
        var month = Array.IndexOf(Months, header.Groups["mon"].Value) + 1;
        var day = int.Parse(header.Groups["day"].Value);
        int? year = header.Groups["year"].Success ? int.Parse(header.Groups["year"].Value) : null;
        return new PartialDate(year, month, day);
    }

    internal sealed record TitleAuthors(string Title, List<Person> Authors, bool EtAl);

    /// <summary>
    /// Authors are "Given Family, Given Family, … [et al.]"; the first given name is glued to the
    /// title's last word ("SGDEtay Livne"). The glue point is the last capital in that word after
    /// which the rest reads as a given name (capital + lower-case letters, optionally hyphenated).
    /// </summary>
    internal static TitleAuthors? SplitTitleAuthors(string line)
    {
        var etAl = false;
        var text = line.TrimEnd();
        if (text.EndsWith(" et al.", StringComparison.Ordinal)) { etAl = true; text = text[..^7].TrimEnd(); }
        var chunks = text.Split(", ");
        // Titles may contain ", " too: the glue is in the first chunk whose later chunks all read as names.
        // namesFrom is where that run of names starts, found in one pass (a per-chunk check is quadratic on long lines).
        var namesFrom = chunks.Length;
        while (namesFrom > 0 && LooksLikeName(chunks[namesFrom - 1])) namesFrom--;
        for (var c = Math.Max(0, namesFrom - 1); c < chunks.Length; c++)
        {
            var words = chunks[c].Split(' ');
            // The glued word is the one before the family name, or one earlier when there is a middle initial.
            for (var back = 2; back <= Math.Min(3, words.Length); back++)
            {
                var glued = words[^back];
                var at = GluePoint(glued);
                if (at < 0) continue;
                var titleHead = string.Join(", ", chunks[..c]);
                var titleTail = string.Join(' ', words[..^back].Append(glued[..at]));
                var title = titleHead.Length == 0 ? titleTail : titleHead + ", " + titleTail;
                var firstAuthorWords = new[] { glued[at..] }.Concat(words[^(back - 1)..]).ToArray();
                var authors = new List<Person> { NameFromWords(firstAuthorWords) };
                foreach (var chunk in chunks.Skip(c + 1))
                    authors.Add(NameFromWords(chunk.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
                return new TitleAuthors(title.Trim(), authors, etAl);
            }
        }
        return null;
    }

    private static bool LooksLikeName(string chunk)
    {
        var words = chunk.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length is >= 1 and <= 4 && words.All(w => char.IsUpper(w[0]) || w is "van" or "von" or "de" or "der" or "la" or "le" or "di" or "da");
    }

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(-\p{Lu}\p{Ll}+)?$")]
    private static partial Regex GivenName();

    /// <summary>The last capital in the word after which the rest reads as a given name ("SGDEtay" → 3).</summary>
    private static int GluePoint(string word)
    {
        for (var j = word.Length - 2; j >= 1; j--)
            if (char.IsUpper(word[j]) && word[j - 1] != '-' && GivenName().IsMatch(word.AsSpan(j))) return j;
        return -1;
    }

    private static Person NameFromWords(string[] words) =>
        words.Length == 1 ? new Person(words[0]) : new Person(words[^1], string.Join(' ', words[..^1]));
}
