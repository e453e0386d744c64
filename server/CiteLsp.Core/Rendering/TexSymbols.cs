using System.Collections.Frozen;
using System.Text;
using CiteLsp.Core.Bibliography.Bibtex;

namespace CiteLsp.Core.Rendering;

/// <summary>
/// TeX accents, letters and text symbols as Unicode for rendering: the BibTeX decoder's tables
/// (<see cref="TexAccents"/>, <see cref="TexText.Symbols"/>) plus the few extra symbols abstracts use.
/// </summary>
internal static class TexSymbols
{
    /// <summary>What an accent with an empty argument prints ("\~{}" → "~").</summary>
    private static readonly FrozenDictionary<char, string> Alone = new Dictionary<char, string>
    {
        ['`'] = "`", ['\''] = "´", ['^'] = "^", ['"'] = "¨", ['~'] = "~", ['='] = "¯", ['.'] = "˙",
        ['u'] = "˘", ['v'] = "ˇ", ['H'] = "˝", ['r'] = "˚", ['c'] = "¸", ['k'] = "˛",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> Extra = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["slash"] = "/", ["LaTeXe"] = "LaTeX2ε", ["textmu"] = "µ", ["textperiodcentered"] = "·", ["textpm"] = "±",
        ["texttimes"] = "×", ["dag"] = "†", ["ddag"] = "‡", ["textsterling"] = "£",
        ["quad"] = " ", ["qquad"] = " ", ["enspace"] = " ", ["space"] = " ", ["newline"] = " ", ["par"] = "\n\n",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsAccent(string command) =>
        command.Length == 1 && (TexAccents.IsSymbolAccent(command[0]) || TexAccents.IsLetterAccent(command[0]));

    /// <summary>Letters written as control words (\ss, \o, \ae…): like TeX, they swallow the spaces after them.</summary>
    public static string? Letter(string command) =>
        command.Length <= 2 && command.All(char.IsAsciiLetter) ? TexText.Symbols.GetValueOrDefault(command) : null;

    /// <summary>Symbols and words (\ldots, \LaTeX, \S…); spaces after them are kept for readability.</summary>
    public static string? Symbol(string command) =>
        Letter(command) is null ? TexText.Symbols.GetValueOrDefault(command) ?? Extra.GetValueOrDefault(command) : null;

    /// <summary>Puts the accent on the first character of <paramref name="text"/> ("\\'{e}" → "é").</summary>
    public static string Accent(string command, string text)
    {
        if (text.Length == 0) return Alone.GetValueOrDefault(command[0], "");
        var baseChar = text[0] switch { 'ı' => 'i', 'ȷ' => 'j', var c => c };
        var sb = new StringBuilder(text.Length + 1);
        TexAccents.Append(sb, command[0], baseChar);
        return sb.Append(text, 1, text.Length - 1).ToString();
    }
}
