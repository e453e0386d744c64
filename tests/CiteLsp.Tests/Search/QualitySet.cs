using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Search;

/// <summary>The ranking quality set: (query, expected key) pairs over the seed catalog and a real .bib of the corpus.</summary>
internal sealed record QualitySet(IReadOnlyDictionary<string, IReadOnlyList<Entry>> Catalogs, IReadOnlyList<QualityPair> Pairs)
{
    public const string KongeBib = "papers/latex/danielkonge-dissertation/ref.bib";

    public static QualitySet Load(string repoRoot)
    {
        var seedFiles = Directory.GetFiles(Path.Combine(repoRoot, "seeds"), "*.txt").Order(StringComparer.Ordinal).Select(CatalogLoader.Load).ToList();
        var corpus = Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "corpus"));
        var catalogs = new Dictionary<string, IReadOnlyList<Entry>>
        {
            ["seeds"] = Catalog.Build(seedFiles).Entries,
            ["konge"] = MiniBib.Parse(File.ReadAllText(Path.Combine(corpus, KongeBib))),
        };
        var pairs = File.ReadLines(Path.Combine(repoRoot, "tests", "CiteLsp.Tests", "Search", "quality-pairs.tsv"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split('\t'))
            .Select(c => new QualityPair(c[0], c[1], c[2], c[3]))
            .ToList();
        return new QualitySet(catalogs, pairs);
    }
}

internal sealed record QualityPair(string Set, string Query, string Expected, string Kind);
