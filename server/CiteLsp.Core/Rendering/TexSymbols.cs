using System.Collections.Frozen;

namespace CiteLsp.Core.Rendering;

/// <summary>
/// TeX accent commands and text symbols mapped to Unicode. Precomposed letters come from tables because
/// string.Normalize is unavailable under InvariantGlobalization; other letters get a combining mark.
/// </summary>
internal static class TexSymbols
{
    /// <summary>Accent command → (pairs "base, composed" …, combining mark, spacing form when the base is empty).</summary>
    private static readonly FrozenDictionary<string, (string Pairs, char Combining, string Alone)> Accents =
        new Dictionary<string, (string, char, string)>(StringComparer.Ordinal)
        {
            ["`"] = ("AÀaàEÈeèIÌiìOÒoòUÙuùNǸnǹWẀwẁYỲyỳ", '\u0300', "`"),
            ["'"] = ("AÁaáEÉeéIÍiíOÓoóUÚuúYÝyýCĆcćNŃnńSŚsśZŹzźLĹlĺRŔrŕGǴgǵKḰkḱMḾmḿPṔpṕWẂwẃ", '\u0301', "´"),
            ["^"] = ("AÂaâEÊeêIÎiîOÔoôUÛuûCĈcĉGĜgĝHĤhĥJĴjĵSŜsŝWŴwŵYŶyŷ", '\u0302', "^"),
            ["\""] = ("AÄaäEËeëIÏiïOÖoöUÜuüYŸyÿHḦhḧWẄwẅXẌxẍ", '\u0308', "¨"),
            ["~"] = ("AÃaãNÑnñOÕoõIĨiĩUŨuũEẼeẽYỸyỹ", '\u0303', "~"),
            ["="] = ("AĀaāEĒeēIĪiīOŌoōUŪuūYȲyȳGḠgḡ", '\u0304', "¯"),
            ["."] = ("CĊcċEĖeėGĠgġIİZŻzżAȦaȧOȮoȯ", '\u0307', "˙"),
            ["u"] = ("AĂaăEĔeĕGĞgğIĬiĭOŎoŏUŬuŭ", '\u0306', "˘"),
            ["v"] = ("CČcčDĎdďEĚeěNŇnňRŘrřSŠsšTŤtťZŽzžGǦgǧAǍaǎIǏiǐOǑoǒUǓuǔKǨkǩ", '\u030C', "ˇ"),
            ["H"] = ("OŐoőUŰuű", '\u030B', "˝"),
            ["r"] = ("AÅaåUŮuů", '\u030A', "˚"),
            ["c"] = ("CÇcçSŞsşTŢtţGĢgģKĶkķLĻlļNŅnņRŖrŗEȨeȩ", '\u0327', "¸"),
            ["k"] = ("AĄaąEĘeęIĮiįUŲuųOǪoǫ", '\u0328', "˛"),
            ["d"] = ("AẠaạEẸeẹIỊiịOỌoọUỤuụYỴyỵ", '\u0323', ""),
            ["b"] = ("", '\u0331', ""),
            ["t"] = ("", '\u0361', ""),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Letters written as control words (\ss, \o, \ae…): they swallow the spaces after them.</summary>
    private static readonly FrozenDictionary<string, string> Letters = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ss"] = "ß", ["SS"] = "SS", ["o"] = "ø", ["O"] = "Ø", ["ae"] = "æ", ["AE"] = "Æ", ["oe"] = "œ", ["OE"] = "Œ",
        ["aa"] = "å", ["AA"] = "Å", ["l"] = "ł", ["L"] = "Ł", ["i"] = "ı", ["j"] = "ȷ", ["dh"] = "ð", ["DH"] = "Ð",
        ["th"] = "þ", ["TH"] = "Þ", ["ng"] = "ŋ", ["NG"] = "Ŋ", ["dj"] = "đ", ["DJ"] = "Đ",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Symbols and words written as control words; spaces after them are kept for readability.</summary>
    private static readonly FrozenDictionary<string, string> Symbols = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ldots"] = "…", ["dots"] = "…", ["textellipsis"] = "…", ["textendash"] = "–", ["textemdash"] = "—",
        ["textquotedblleft"] = "“", ["textquotedblright"] = "”", ["textquoteleft"] = "‘", ["textquoteright"] = "’",
        ["guillemotleft"] = "«", ["guillemotright"] = "»", ["textbullet"] = "•", ["S"] = "§", ["P"] = "¶",
        ["dag"] = "†", ["ddag"] = "‡", ["copyright"] = "©", ["textcopyright"] = "©", ["textregistered"] = "®",
        ["texttrademark"] = "™", ["pounds"] = "£", ["textsterling"] = "£", ["euro"] = "€", ["texteuro"] = "€",
        ["textdegree"] = "°", ["textmu"] = "µ", ["textasciitilde"] = "~", ["textasciicircum"] = "^",
        ["textbackslash"] = "\\", ["textbar"] = "|", ["textless"] = "<", ["textgreater"] = ">",
        ["textunderscore"] = "_", ["slash"] = "/", ["LaTeX"] = "LaTeX", ["TeX"] = "TeX", ["BibTeX"] = "BibTeX",
        ["LaTeXe"] = "LaTeX2ε", ["textperiodcentered"] = "·", ["textpm"] = "±", ["texttimes"] = "×",
        ["quad"] = " ", ["qquad"] = " ", ["enspace"] = " ", ["space"] = " ", ["newline"] = " ", ["par"] = "\n\n",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static bool IsAccent(string command) => Accents.ContainsKey(command);

    public static string? Letter(string command) => Letters.GetValueOrDefault(command);

    public static string? Symbol(string command) => Symbols.GetValueOrDefault(command);

    /// <summary>Puts the accent on the first character of <paramref name="text"/> ("\\'{e}" → "é").</summary>
    public static string Accent(string command, string text)
    {
        var (pairs, combining, alone) = Accents[command];
        if (text.Length == 0) return alone;
        var baseChar = text[0] switch { 'ı' => 'i', 'ȷ' => 'j', var c => c };
        for (var i = 0; i + 1 < pairs.Length; i += 2)
            if (pairs[i] == baseChar) return pairs[i + 1] + text[1..];
        return baseChar + combining.ToString() + text[1..];
    }
}
