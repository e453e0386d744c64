namespace CiteLsp.Core.Citations;

/// <summary>
/// Known cite commands: natbib, biblatex (texlab's default list plus the multicite family, \citenum,
/// natbib's capitalised forms) and apacite. Not \citetext: natbib's argument there is free text.
/// </summary>
public static class LatexCiteCommands
{
    private static readonly string[] FirstArg =
    [
        "cite", "Cite", "nocite", "citep", "Citep", "citet", "Citet", "citealt", "Citealt", "citealp", "Citealp",
        "citeauthor", "Citeauthor", "citeyear", "citeyearpar", "citetitle", "Citetitle", "citedate", "citeurl",
        "citenum", "fullcite", "footfullcite", "footcite", "Footcite", "footcitetext", "parencite", "Parencite",
        "textcite", "Textcite", "smartcite", "Smartcite", "supercite", "autocite", "Autocite", "notecite",
        "Notecite", "pnotecite", "Pnotecite", "fnotecite", "citeA", "citeNP", "citeN", "citeyearNP", "bibentry",
        "citefield", "citename", "citelist", "citeauthorNP", "shortcite", "shortciteNP",
    ];

    private static readonly string[] SecondArg =
    [
        "volcite", "Volcite", "pvolcite", "Pvolcite", "fvolcite", "ftvolcite", "svolcite", "Svolcite",
        "tvolcite", "Tvolcite", "avolcite", "Avolcite",
    ];

    private static readonly string[] Multi =
    [
        "cites", "Cites", "parencites", "Parencites", "footcites", "footcitetexts", "smartcites", "Smartcites",
        "textcites", "Textcites", "supercites", "autocites", "Autocites",
    ];

    /// <summary>Every built-in name (without backslash) and where its keys are.</summary>
    public static readonly IReadOnlyDictionary<string, CiteArgs> BuiltIn = Build();

    private static Dictionary<string, CiteArgs> Build()
    {
        var map = new Dictionary<string, CiteArgs>(StringComparer.Ordinal);
        foreach (var n in FirstArg) if (!n.EndsWith('*')) map[n] = CiteArgs.First;
        foreach (var n in SecondArg) map[n] = CiteArgs.Second;
        foreach (var n in Multi) map[n] = CiteArgs.Multi;
        return map;
    }
}
