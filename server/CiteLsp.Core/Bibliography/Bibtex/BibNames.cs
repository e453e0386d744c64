using System.Buffers;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// BibTeX name lists: "A and B and others", each name "Given von Family", "von Family, Given" or
/// "von Family, Jr, Given"; a fully braced name is corporate. Also biblatex's "family=…, given=…" form.
/// Works on index ranges of the raw value: the parts of a name are contiguous, so each becomes one display string.
/// </summary>
public static class BibNames
{
    public static (Person[] People, bool Truncated) Parse(string raw) => Parse(raw.AsSpan());

    public static (Person[] People, bool Truncated) Parse(ReadOnlySpan<char> s) => Parse(s, null);

    /// <param name="memo">Names parsed before, shared instead of parsed again.</param>
    /// <returns>An array as long as the list: an entry keeps it (a list kept room for more, and was copied to trim it).</returns>
    internal static (Person[] People, bool Truncated) Parse(ReadOnlySpan<char> s, BibMemo? memo)
    {
        var people = t_people ??= new List<Person>(16);
        people.Clear();
        var truncated = false;
        var (depth, counted, start) = (0, 0, 0); // braces are counted up to `counted`
        // A name ends at the word "and" (any case) between blanks at brace depth 0. The search jumps from "and" to
        // "and" (vectorized); braces, rare in names, are counted only up to an "and" between blanks. Stopping at every
        // 'a' and brace instead was 7% of a million-entry load's CPU.
        for (var from = 0; from < s.Length;)
        {
            var k = s[from..].IndexOfAny(And);
            if (k < 0) break;
            var i = from + k;
            from = i + 1;
            if (i == 0 || !IsSpace(s[i - 1]) || i + 3 >= s.Length || !IsSpace(s[i + 3])) continue;
            (depth, counted) = (Depth(s[counted..i], depth), i);
            if (depth > 0) continue;
            Add(s[start..(i - 1)]);
            start = from = i + 3; // the blank after "and", which may start the next one
        }
        Add(s[start..]);
        return (people.Count == 0 ? [] : people.ToArray(), truncated);

        void Add(ReadOnlySpan<char> name)
        {
            name = name.Trim(" \t\r\n~");
            if (name is "others") truncated = true;
            else if (!name.IsEmpty && (memo is null ? ParseName(name) : memo.Person(name)) is { IsBlank: false } person) people.Add(person);
        }
    }

    /// <summary>This thread's list of the names read so far (it is the same object, so Clear keeps its room).</summary>
    [ThreadStatic] private static List<Person>? t_people;

    private static readonly SearchValues<string> And = SearchValues.Create(["and"], StringComparison.OrdinalIgnoreCase);

    /// <summary>The brace depth after <paramref name="s"/>, from <paramref name="depth"/> (a stray '}' does not go below 0).</summary>
    private static int Depth(ReadOnlySpan<char> s, int depth)
    {
        for (var i = s.IndexOfAny('{', '}'); i >= 0; s = s[(i + 1)..], i = s.IndexOfAny('{', '}'))
            depth = s[i] == '{' ? depth + 1 : Math.Max(0, depth - 1);
        return depth;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '~';

    public static Person ParseName(string name) => ParseName(name.AsSpan().Trim());

    internal static Person ParseName(ReadOnlySpan<char> s)
    {
        if (s[0] == '{' && MatchingBrace(s, 0) == s.Length - 1) return Person.Corporate(TexText.ToDisplay(s));
        int c1 = -1, c2 = -1, depth = 0;
        var keyValue = false; // an '=' outside braces before the first comma: "family=…, given=…"
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (c == '{') depth++;
            else if (c == '}') depth = Math.Max(0, depth - 1);
            else if (c == ',' && depth == 0) { if (c1 < 0) c1 = i; else if (c2 < 0) c2 = i; }
            else if (c == '=' && depth == 0 && c1 < 0) keyValue = true;
        }
        if (c1 >= 0 && keyValue && KeyValueName(s.ToString()) is { } kv) return kv;
        if (c1 < 0) return FirstVonLast(s);
        if (c2 < 0) return Make(s[(c1 + 1)..], s[..c1], default);
        return Make(s[(c2 + 1)..], s[..c1], s[(c1 + 1)..c2]);
    }

    /// <summary>"Given von Last": von starts at the first lower-case word before the last word.</summary>
    private static Person FirstVonLast(ReadOnlySpan<char> s)
    {
        int lastWordStart = -1, vonStart = -1, depth = 0;
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (depth == 0 && !IsSpace(c) && (i == 0 || IsSpace(s[i - 1])))
            {
                lastWordStart = i;
                if (vonStart < 0 && IsLowerWord(s[i..])) vonStart = i;
            }
            if (c == '{') depth++;
            else if (c == '}') depth = Math.Max(0, depth - 1);
        }
        if (lastWordStart <= 0) return Make(default, s, default);
        if (vonStart == lastWordStart) vonStart = -1; // the last word always belongs to Last
        var familyStart = vonStart >= 0 ? vonStart : lastWordStart;
        return Make(s[..familyStart], s[familyStart..], default);
    }

    private static Person Make(ReadOnlySpan<char> given, ReadOnlySpan<char> family, ReadOnlySpan<char> suffix) =>
        new(TexText.ToDisplay(family.Trim()), TexText.ToDisplay(given.Trim())) { Suffix = suffix.IsEmpty ? "" : TexText.ToDisplay(suffix.Trim()) };

    private static Person? KeyValueName(string name)
    {
        string family = "", given = "", prefix = "", suffix = "";
        foreach (var p in name.Split(','))
        {
            var eq = p.IndexOf('=');
            if (eq < 0) return null;
            var value = p[(eq + 1)..].Trim();
            switch (p[..eq].Trim().ToLowerInvariant())
            {
                case "family": family = value; break;
                case "given": given = value; break;
                case "prefix": prefix = value; break;
                case "suffix": suffix = value; break;
            }
        }
        if (family.Length == 0) return null;
        return Make(given, prefix.Length > 0 ? prefix + " " + family : family, suffix);
    }

    /// <summary>A "von" word: its first letter at brace depth 0 (or of a {\accent x} group) is lower case.</summary>
    internal static bool IsLowerWord(ReadOnlySpan<char> w)
    {
        for (var i = 0; i < w.Length && !IsSpace(w[i]); i++)
        {
            var c = w[i];
            if (c == '{')
            {
                if (i + 1 < w.Length && w[i + 1] == '\\')
                {
                    // {\"u}ber, {\o}: the case of the first letter inside the special character decides.
                    for (var j = i + 2; j < w.Length && w[j] != '}'; j++)
                        if (char.IsLetter(w[j]) && (j > i + 2 || !IsAccentCommandLetter(w, j))) return char.IsLower(w[j]);
                }
                return false;
            }
            if (char.IsLetter(c)) return char.IsLower(c);
        }
        return false;
    }

    private static bool IsAccentCommandLetter(ReadOnlySpan<char> w, int j) =>
        TexAccents.IsLetterAccent(w[j]) && j + 1 < w.Length && !char.IsLetter(w[j + 1]);

    private static int MatchingBrace(ReadOnlySpan<char> s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            if (s[i] == '{') depth++;
            else if (s[i] == '}' && --depth == 0) return i;
        }
        return -1;
    }
}
