using CiteLsp.Core.Bibliography;
using CiteLsp.Fuzz.Engine;

namespace CiteLsp.Fuzz.Harnesses;

/// <summary>
/// CatalogLoader.Parse on any bytes, seeded with one family of catalog files; the file name varies because
/// detection must never depend on it. Checks spans, catalog lookups and the BibTeX export round trip.
/// </summary>
internal sealed class CatalogHarness(string name, string description, IReadOnlyList<string> extensions, IReadOnlyList<string> tokens) : Harness
{
    private static readonly string[] Paths = ["fuzz.bib", "fuzz.json", "fuzz.yaml", "fuzz.txt"];

    public override string Name => name;
    public override string Description => description;
    public override IReadOnlyList<string> SeedExtensions => extensions;
    public override IReadOnlyList<string> Tokens => tokens;

    public override void Run(byte[] input)
    {
        var text = FuzzText.Decode(input);
        var path = Paths[input.Length % Paths.Length];
        var file = CatalogLoader.Parse(path, text);
        CatalogChecks.Parsed(file, path, text);
        CatalogChecks.RoundTrip(file);
    }
}
