using CiteLsp.Fuzz.Engine;

namespace CiteLsp.Fuzz.Harnesses;

/// <summary>Every fuzz target by name.</summary>
internal static class AllHarnesses
{
    public static IReadOnlyList<Harness> List { get; } =
    [
        new CatalogHarness("bibtex", "BibTeX/BibLaTeX files through CatalogLoader.Parse", [".bib", ".bbl"],
            ["@string{", "@string(x = \"", "jan", "# \"", "# {", "{{{", "}}}", "@inbook{", "date = {2020-01/2021}", "ids = {", "\\url{", "and {", "{von}"]),
        new CatalogHarness("csl", "CSL-JSON and CSL-YAML files through CatalogLoader.Parse", [".json", ".yaml", ".yml"],
            ["[{\"id\":\"", "\"author\":[{\"family\":\"", "\"issued\":{\"date-parts\":[[", "]]}", "- id: ", "  title: ", "  author:\n    - family: ",
             "\"literal\":", "\\u0000", "\\ud800", "1e999", "---\n", "...\n", "&anchor ", "*anchor", "!!binary ", "? ", "|\n", ">\n", "{", "\"\": "]),
        new CatalogHarness("seeds", "the two seed listing formats through CatalogLoader.Parse", [".txt"],
            ["81.0AIMay 10", "LGJun 14, 2023", "CSDec 1", " et al.", "Malach, Eran", ", ", "\n\n\n"]),
        new BibPathsHarness(),
        new LatexScanHarness(),
        new MarkdownScanHarness(),
        new LspReaderHarness(),
        new CatalogHarness("catalog", "every catalog format at once (content-based detection)", [".bib", ".json", ".yaml", ".yml", ".txt"], []),
    ];

    public static Harness? Find(string name) => List.FirstOrDefault(h => h.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
