using System.Text;
using System.Text.RegularExpressions;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Bench;

/// <summary>Realistic-looking entries at any scale, recombined from the titles, names, venues and abstracts of the
/// shared corpus .bib files (read with a light regex, bench only; the real parser is not needed here).</summary>
internal static partial class SyntheticLibrary
{
    private static readonly string[] Stop = ["a", "an", "the", "on", "of", "for", "in", "and", "to", "with", "from", "by", "is", "are"];

    public static List<Entry> Generate(int count, string corpusDir, int seed = 42)
    {
        var pools = Pools.Load(corpusDir);
        var rng = new Random(seed);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var entries = new List<Entry>(count);
        for (var i = 0; i < count; i++)
        {
            var title = rng.NextDouble() < 0.6 ? pools.Titles[rng.Next(pools.Titles.Count)] : Splice(pools, rng);
            var authorCount = 1 + (int)Math.Min(11, -Math.Log(1 - rng.NextDouble()) * 3);
            var authors = new Person[authorCount];
            for (var a = 0; a < authorCount; a++) authors[a] = pools.Names[rng.Next(pools.Names.Count)];
            var year = 2025 - (int)Math.Min(65, -Math.Log(1 - rng.NextDouble()) * 10);
            var key = UniqueKey(keys, authors[0].Family, year, title);
            entries.Add(new Entry
            {
                Key = key,
                Type = "article",
                Title = new string(title), // a parser allocates one string per entry
                Authors = authors,
                Date = new PartialDate(year),
                Venue = rng.NextDouble() < 0.8 ? pools.Venues[rng.Next(pools.Venues.Count)] : null,
                Abstract = rng.NextDouble() < 0.3 && pools.Abstracts.Count > 0 ? pools.Abstracts[rng.Next(pools.Abstracts.Count)] : null,
            });
        }
        return entries;
    }

    private static string Splice(Pools pools, Random rng)
    {
        var a = pools.Titles[rng.Next(pools.Titles.Count)].Split(' ');
        var b = pools.Titles[rng.Next(pools.Titles.Count)].Split(' ');
        return string.Join(' ', a.Take((a.Length + 1) / 2).Concat(b.Skip(b.Length / 2)));
    }

    private static string UniqueKey(HashSet<string> keys, string family, int year, string title)
    {
        var word = title.Split(' ').Select(Alnum).FirstOrDefault(w => w.Length > 0 && !Stop.Contains(w)) ?? "";
        var stem = Alnum(family) + year + word;
        if (keys.Add(stem)) return stem;
        for (var n = 0; ; n++)
        {
            var k = stem + (n < 26 ? ((char)('a' + n)).ToString() : "-" + n);
            if (keys.Add(k)) return k;
        }
    }

    private static string Alnum(string s)
    {
        var sb = new StringBuilder(s.Length);
        foreach (var c in Core.Text.TextFolding.Fold(s)) if (char.IsAsciiLetterOrDigit(c)) sb.Append(c);
        return sb.ToString();
    }

    private sealed record Pools(List<string> Titles, List<Person> Names, List<string> Venues, List<string> Abstracts)
    {
        public static Pools Load(string corpusDir)
        {
            var pools = new Pools([], [], [], []);
            var names = new HashSet<(string, string)>();
            foreach (var file in Directory.EnumerateFiles(Path.Combine(corpusDir, "bib"), "*.bib", SearchOption.AllDirectories))
            {
                string text;
                try { text = new StreamReader(file, new UTF8Encoding(false, throwOnInvalidBytes: true)).ReadToEnd(); }
                catch (DecoderFallbackException) { continue; }
                foreach (Match m in Field().Matches(text))
                {
                    var value = Clean(m.Groups[2].Value);
                    if (value.Length == 0) continue;
                    switch (m.Groups[1].Value.ToLowerInvariant())
                    {
                        case "title": pools.Titles.Add(value); break;
                        case "journal" or "booktitle": pools.Venues.Add(value); break;
                        case "abstract": pools.Abstracts.Add(value); break;
                        case "author":
                            foreach (var n in value.Split(" and ", StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                            {
                                var comma = n.IndexOf(',');
                                var (family, given) = comma >= 0 ? (n[..comma].Trim(), n[(comma + 1)..].Trim())
                                    : n.LastIndexOf(' ') is var sp and > 0 ? (n[(sp + 1)..], n[..sp]) : (n, "");
                                if (family.Length > 0 && names.Add((family, given))) pools.Names.Add(new Person(family, given));
                            }
                            break;
                    }
                }
            }
            if (pools.Titles.Count == 0 || pools.Names.Count == 0 || pools.Venues.Count == 0) throw new InvalidOperationException("no corpus .bib found under " + corpusDir);
            return pools;
        }

        private static string Clean(string s) => Spaces().Replace(Latex().Replace(s, "").Replace("{", "").Replace("}", ""), " ").Trim();
    }

    [GeneratedRegex(@"\b(title|author|journal|booktitle|abstract)\s*=\s*\{((?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*)\}", RegexOptions.IgnoreCase)]
    private static partial Regex Field();

    [GeneratedRegex(@"\\[a-zA-Z]+\s*|\\.")]
    private static partial Regex Latex();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
