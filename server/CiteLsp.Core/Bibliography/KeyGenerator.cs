using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography;

/// <summary>
/// Citation keys for sources that have none (the seed catalogs):
/// first author's family name + year (when known) + first significant title word, all lower-case ASCII letters,
/// e.g. "kaplun2022knowledge". Colliding keys: the first (by title, then date) keeps the plain key,
/// the others get "a", "b", … appended. Deterministic whatever the order of input files.
/// </summary>
public static class KeyGenerator
{
    /// <summary>Title words skipped when picking the key's word (a subset of Better BibTeX's list).</summary>
    public static readonly IReadOnlySet<string> StopWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "about", "above", "across", "after", "against", "along", "among", "an", "and", "around", "as", "at",
        "before", "behind", "below", "between", "beyond", "but", "by", "during", "for", "from", "in", "inside",
        "into", "is", "are", "near", "nor", "of", "off", "on", "onto", "or", "over", "per", "since", "so",
        "than", "the", "through", "to", "toward", "towards", "under", "until", "up", "upon", "versus", "via",
        "with", "within", "without", "yet",
    };

    public static string BaseKey(Entry entry)
    {
        var family = entry.Authors.Count > 0 ? Letters(entry.Authors[0].Literal ?? entry.Authors[0].Family) : "anon";
        if (family.Length == 0) family = "anon";
        var year = entry.Year?.ToString() ?? "";
        return family + year + TitleWord(entry.Title);
    }

    public static string TitleWord(string title)
    {
        foreach (var word in title.Split([' ', '\t', ':', ';', ',', '/', '(', ')', '"', '?', '!'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = Letters(word);
            if (w.Length == 0 || StopWords.Contains(w)) continue;
            return w;
        }
        return "";
    }

    /// <summary>ASCII-folded lower-case letters only: "Corgi^2" → "corgi", "Auto-Regressive" → "autoregressive".</summary>
    private static string Letters(string word) => new(TextFolding.AsciiAlnum(word).Where(char.IsAsciiLetter).ToArray());

    /// <summary>Returns the entries with keys assigned; entries that already have a key are unchanged.</summary>
    public static List<Entry> AssignKeys(IReadOnlyList<Entry> entries, ISet<string>? taken = null)
    {
        taken ??= new HashSet<string>(StringComparer.Ordinal);
        var result = entries.ToList();
        var byBase = Enumerable.Range(0, result.Count)
            .Where(i => result[i].Key.Length == 0)
            .GroupBy(i => BaseKey(result[i]))
            .OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var group in byBase)
        {
            var ordered = group
                .OrderBy(i => TextFolding.Fold(result[i].Title), StringComparer.Ordinal)
                .ThenBy(i => result[i].Date.ToString(), StringComparer.Ordinal)
                .ToList();
            var suffix = 0;
            foreach (var i in ordered)
            {
                var key = group.Key;
                while (taken.Contains(key)) key = group.Key + Suffix(suffix++);
                taken.Add(key);
                result[i] = result[i] with { Key = key };
            }
        }
        return result;
    }

    private static string Suffix(int n) => n < 26 ? ((char)('a' + n)).ToString() : Suffix(n / 26 - 1) + (char)('a' + n % 26);
}
