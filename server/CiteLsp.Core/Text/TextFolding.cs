using System.Text;

namespace CiteLsp.Core.Text;

/// <summary>Case and accent folding used by keys and search: "Schrödinger" → "schrodinger".</summary>
public static class TextFolding
{
    private static readonly Dictionary<char, string> Special = BuildTable();

    private static Dictionary<char, string> BuildTable()
    {
        var table = new Dictionary<char, string>
        {
        ['ß'] = "ss", ['ø'] = "o", ['Ø'] = "o", ['æ'] = "ae", ['Æ'] = "ae", ['œ'] = "oe", ['Œ'] = "oe",
            ['ł'] = "l", ['Ł'] = "l", ['đ'] = "d", ['Đ'] = "d", ['ı'] = "i", ['þ'] = "th", ['ð'] = "d",
        };
        for (var i = 0; i < LatinFoldTable.From.Length; i++) table.TryAdd(LatinFoldTable.From[i], LatinFoldTable.To[i].ToString());
        return table;
    }

    /// <summary>Lower-case, strip diacritics, keep everything else.</summary>
    public static string Fold(string s)
    {
        var allAscii = true;
        foreach (var c in s) if (c > 127) { allAscii = false; break; }
        if (allAscii) return s.ToLowerInvariant();

        var sb = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            if (c is >= '\u0300' and <= '\u036F') continue; // combining accents (decomposed input)
            if (Special.TryGetValue(c, out var rep)) sb.Append(rep);
            else sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }

    /// <summary>Folded, then only ASCII letters and digits: "Shalev-Shwartz" → "shalevshwartz".</summary>
    public static string AsciiAlnum(string s)
    {
        var folded = Fold(s);
        var sb = new StringBuilder(folded.Length);
        foreach (var c in folded) if (c is >= 'a' and <= 'z' or >= '0' and <= '9') sb.Append(c);
        return sb.ToString();
    }
}
