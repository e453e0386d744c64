namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// Precomposed letters for TeX accent commands (\'e → é). A table rather than string.Normalize because
/// InvariantGlobalization makes Normalize a no-op. Generated from Unicode NFC for ASCII base letters.
/// </summary>
internal static class TexAccents
{
    private static readonly Dictionary<int, char> Composed = Build(new()
    {
        ['\''] = "aácćeégǵiíkḱlĺmḿnńoópṕrŕsśuúwẃyýzźAÁCĆEÉGǴIÍKḰLĹMḾNŃOÓPṔRŔSŚUÚWẂYÝZŹ",
        ['`'] = "aàeèiìnǹoòuùwẁyỳAÀEÈIÌNǸOÒUÙWẀYỲ",
        ['^'] = "aâcĉeêgĝhĥiîjĵoôsŝuûwŵyŷzẑAÂCĈEÊGĜHĤIÎJĴOÔSŜUÛWŴYŶZẐ",
        ['"'] = "aäeëhḧiïoötẗuüwẅxẍyÿAÄEËHḦIÏOÖUÜWẄXẌYŸ",
        ['~'] = "aãeẽiĩnñoõuũvṽyỹAÃEẼIĨNÑOÕUŨVṼYỸ",
        ['='] = "aāeēgḡiīoōuūyȳAĀEĒGḠIĪOŌUŪYȲ",
        ['.'] = "aȧbḃcċdḋeėfḟgġhḣmṁnṅoȯpṗrṙsṡtṫwẇxẋyẏzżAȦBḂCĊDḊEĖFḞGĠHḢIİMṀNṄOȮPṖRṘSṠTṪWẆXẊYẎZŻ",
        ['u'] = "aăeĕgğiĭoŏuŭAĂEĔGĞIĬOŎUŬ",
        ['v'] = "aǎcčdďeěgǧhȟiǐjǰkǩlľnňoǒrřsštťuǔzžAǍCČDĎEĚGǦHȞIǏKǨLĽNŇOǑRŘSŠTŤUǓZŽ",
        ['H'] = "oőuűOŐUŰ",
        ['c'] = "cçdḑeȩgģhḩkķlļnņrŗsştţCÇDḐEȨGĢHḨKĶLĻNŅRŖSŞTŢ",
        ['d'] = "aạbḅdḍeẹhḥiịkḳlḷmṃnṇoọrṛsṣtṭuụvṿwẉyỵzẓAẠBḄDḌEẸHḤIỊKḲLḶMṂNṆOỌRṚSṢTṬUỤVṾWẈYỴZẒ",
        ['b'] = "bḇdḏhẖkḵlḻnṉrṟtṯzẕBḆDḎKḴLḺNṈRṞTṮZẔ",
        ['k'] = "aąeęiįoǫuųAĄEĘIĮOǪUŲ",
        ['r'] = "aåuůwẘyẙAÅUŮ",
    });

    /// <summary>Combining marks, used when no precomposed letter exists.</summary>
    private static readonly Dictionary<char, char> Marks = new()
    {
        ['\''] = '\u0301', ['`'] = '\u0300', ['^'] = '\u0302', ['"'] = '\u0308', ['~'] = '\u0303', ['='] = '\u0304',
        ['.'] = '\u0307', ['u'] = '\u0306', ['v'] = '\u030C', ['H'] = '\u030B', ['c'] = '\u0327', ['d'] = '\u0323',
        ['b'] = '\u0331', ['k'] = '\u0328', ['r'] = '\u030A', ['t'] = '\u0361',
    };

    public static bool IsSymbolAccent(char c) => c is '\'' or '`' or '^' or '"' or '~' or '=' or '.';
    public static bool IsLetterAccent(char c) => c is 'u' or 'v' or 'H' or 'c' or 'd' or 'b' or 'k' or 'r' or 't';

    /// <summary>Appends the accented form of <paramref name="letter"/>.</summary>
    public static void Append(System.Text.StringBuilder sb, char accent, char letter)
    {
        if (Composed.TryGetValue(accent << 16 | letter, out var c)) { sb.Append(c); return; }
        sb.Append(letter);
        if (Marks.TryGetValue(accent, out var mark)) sb.Append(mark);
    }

    private static Dictionary<int, char> Build(Dictionary<char, string> pairs)
    {
        var d = new Dictionary<int, char>();
        foreach (var (accent, s) in pairs)
            for (var i = 0; i + 1 < s.Length; i += 2) d[accent << 16 | s[i]] = s[i + 1];
        return d;
    }
}
