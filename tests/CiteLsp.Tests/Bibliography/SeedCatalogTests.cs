using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Core.Bibliography.Seeds;

namespace CiteLsp.Tests.Bibliography;

public class SeedCatalogTests
{
    private static CatalogFile Profile() => CatalogLoader.Load(TestPaths.SeedProfile);
    private static CatalogFile Listing() => CatalogLoader.Load(TestPaths.SeedListing);
    private static Catalog Both() => Catalog.Build([Profile(), Listing()]);

    private static string Names(Entry e) => string.Join("; ", e.Authors.Select(a => $"{a.Family}, {a.Given}"));

    [Fact]
    public void A_library_key_equal_to_a_generated_one_pushes_the_seed_to_the_next_suffix()
    {
        var plain = Both();
        var seed = plain.Entries.First(e => e.Key.Length > 0);
        var bib = BibtexParser.Parse("lib.bib", $"@misc{{{seed.Key}, title = {{Someone else's paper}}}}\n@misc{{other, title = {{Other}}}}\n");

        var catalog = Catalog.Build([bib, Profile(), Listing()]);

        Assert.Equal("Someone else's paper", catalog.Find(seed.Key)!.Title);
        Assert.Equal(seed.Title, catalog.Find(seed.Key + "a")!.Title);
        // Without the clash, the seeds keep the keys they get alone.
        var apart = Catalog.Build([BibtexParser.Parse("lib.bib", "@misc{other, title = {Other}}\n"), Profile(), Listing()]);
        Assert.Equal(plain.Entries.Select(e => e.Key), apart.Entries.Skip(1).Select(e => e.Key));
    }

    [Fact]
    public void Formats_are_detected_from_content_not_name()
    {
        Assert.Equal(SeedProfileParser.Format, CatalogLoader.Parse("x.bib", File.ReadAllText(TestPaths.SeedProfile)).Format);
        Assert.Equal(SeedListingParser.Format, CatalogLoader.Parse("y.json", File.ReadAllText(TestPaths.SeedListing)).Format);
    }

    [Fact]
    public void Profile_file_has_ten_papers_and_no_warnings()
    {
        var file = Profile();
        Assert.Equal(10, file.Entries.Count);
        Assert.Empty(file.Diagnostics);
    }

    [Fact]
    public void Listing_file_has_twelve_papers_and_no_warnings()
    {
        var file = Listing();
        Assert.Equal(12, file.Entries.Count);
        Assert.Empty(file.Diagnostics);
    }

    [Fact]
    public void Profile_papers_have_exact_titles_and_authors()
    {
        var e = Profile().Entries.Single(x => x.Title.StartsWith("Hidden Progress", StringComparison.Ordinal));
        Assert.Equal("Hidden Progress in Deep Learning: SGD Learns Parities Near the Computational Limit", e.Title);
        Assert.Equal("Barak, Boaz; Edelman, Benjamin L.; Goel, Surbhi; Kakade, Sham; Malach, Eran; Zhang, Cyril", Names(e));
        Assert.Null(e.Year);
        Assert.StartsWith("There is mounting evidence of emergent phenomena", e.Abstract);

        var first = Profile().Entries[0];
        Assert.Equal("Auto-Regressive Next-Token Predictors are Universal Learners", first.Title);
        Assert.Equal("Malach, Eran", Names(first));

        var parities = Profile().Entries[^1];
        Assert.Equal("Learning Parities with Neural Networks", parities.Title);
        Assert.Equal("Daniely, Amit; Malach, Eran", Names(parities));
    }

    [Fact]
    public void Listing_papers_split_title_from_glued_authors()
    {
        var entries = Listing().Entries;
        var corgi = entries.Single(x => x.Title.StartsWith("Corgi", StringComparison.Ordinal));
        Assert.Equal("Corgi^2: A Hybrid Offline-Online Approach To Storage-Aware Data Shuffling For SGD", corgi.Title);
        Assert.Equal("Livne, Etay; Kaplun, Gal; Malach, Eran", Names(corgi));
        Assert.True(corgi.AuthorsTruncated);
        Assert.Equal(new PartialDate(2023, 9, 4), corgi.Date);
        Assert.Equal("LG", corgi.Venue);

        var manifold = entries.Single(x => x.Title.StartsWith("For Manifold", StringComparison.Ordinal));
        Assert.Equal("For Manifold Learning, Deep Neural Networks can be Locality Sensitive Hash Functions", manifold.Title);
        Assert.Equal("Dikkala, Nishanth; Kaplun, Gal; Panigrahy, Rina", Names(manifold));
        Assert.False(manifold.AuthorsTruncated);

        var ddd = entries.Single(x => x.Title.StartsWith("Deep Double", StringComparison.Ordinal));
        Assert.Equal("Deep Double Descent: Where Bigger Models and More Data Hurt", ddd.Title);
        Assert.Equal("Nakkiran, Preetum; Kaplun, Gal; Bansal, Yamini", Names(ddd));
        Assert.Equal(new PartialDate(2019, 12, 4), ddd.Date);
    }

    [Fact]
    public void Missing_year_stays_unknown_and_score_is_kept()
    {
        var agent = Listing().Entries.Single(x => x.Title.StartsWith("Workspace Optimization", StringComparison.Ordinal));
        Assert.Equal("Workspace Optimization: How to Train Your Agent", agent.Title);
        Assert.Equal(new PartialDate(null, 5, 10), agent.Date);
        Assert.Equal("AI", agent.Venue);
        Assert.Equal("81.0", agent.Fields["score"]);
        Assert.Equal("Sarafian, Elad; Kaplun, Gal; Banner, Ron", Names(agent));
    }

    [Fact]
    public void Abstracts_keep_their_latex_raw()
    {
        var kd = Listing().Entries.Single(x => x.Title.StartsWith("Knowledge Distillation", StringComparison.Ordinal));
        Assert.Contains(@"\citep{nakkiran2020distributional}", kd.Abstract);
    }

    [Fact]
    public void Catalog_merges_the_two_shared_papers_into_twenty_entries()
    {
        var catalog = Both();
        Assert.Equal(20, catalog.Count);

        var corgi = catalog.Find("livne2023corgi")!;
        // Full author list from the profile file, date and category from the listing.
        Assert.Equal("Livne, Etay; Kaplun, Gal; Malach, Eran; Shalev-Schwatz, Shai", Names(corgi));
        Assert.False(corgi.AuthorsTruncated);
        Assert.Equal(new PartialDate(2023, 9, 4), corgi.Date);
        Assert.Equal("LG", corgi.Venue);

        var sub = catalog.Find("kaplun2023less")!;
        Assert.Equal("Less is More: Selective Layer Finetuning with SubTuning", sub.Title);
        Assert.Equal(6, sub.Authors.Count);
        Assert.Equal(new PartialDate(2023, 2, 13), sub.Date);
    }

    [Fact]
    public void Catalog_has_the_twenty_documented_keys()
    {
        string[] expected =
        [
            "abbepower", "bansal2020selfsupervised", "barakhidden", "danielylearning", "dikkala2021manifold",
            "kalimeris2019robust", "kaplun2022deconstructing", "kaplun2022knowledge", "kaplun2023less", "livne2023corgi",
            "malachautoregressive", "malachcomputational", "malachconnection", "malachquantifying", "malachwhen",
            "nakkiran2019deep", "nakkiran2019sgd", "qian2020robustness", "sarafianworkspace", "vyas2023implicit",
        ];
        Assert.Equal(expected, Both().Entries.Select(e => e.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Keys_do_not_depend_on_file_order()
    {
        var forward = Catalog.Build([Profile(), Listing()]).Entries.Select(e => (e.Key, e.Title, Names(e), e.Date)).OrderBy(x => x.Key, StringComparer.Ordinal);
        var backward = Catalog.Build([Listing(), Profile()]).Entries.Select(e => (e.Key, e.Title, Names(e), e.Date)).OrderBy(x => x.Key, StringComparer.Ordinal);
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void Entries_point_at_their_source_lines()
    {
        var file = Listing();
        var ddd = file.Entries.Single(x => x.Title.StartsWith("Deep Double", StringComparison.Ordinal));
        var (line, col) = file.Lines.GetPosition(ddd.Location.Start);
        Assert.Equal((27, 0), (line, col)); // "LGDec 4, 2019" is line 28 (1-based)
    }
}
