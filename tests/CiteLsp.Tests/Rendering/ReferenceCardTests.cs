using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Rendering;

namespace CiteLsp.Tests.Rendering;

public class ReferenceCardTests
{
    private static readonly Catalog Seeds =
        Catalog.Build([CatalogLoader.Load(TestPaths.SeedProfile), CatalogLoader.Load(TestPaths.SeedListing)]);

    private static Entry Seed(string key) => Seeds.Find(key) ?? throw new InvalidOperationException("no seed " + key);

    [Fact]
    public void Listing_entry_with_truncated_authors_date_and_category()
    {
        Assert.Equal("""
            **Deep Double Descent: Where Bigger Models and More Data Hurt**

            Preetum Nakkiran, Gal Kaplun, Yamini Bansal et al. · 2019-12-04 · LG

            ---

            We show that a variety of modern deep learning tasks exhibit a "double-descent" phenomenon where, as we increase model size, performance first gets worse and then gets better. Moreover, we show that double descent occurs not just as a function of model size, but also as a function of the number of training epochs. We unify the above phenomena by defining a new complexity measure we call the effective model complexity and conjecture a generalized double descent with respect to this measure. Furthermore, our notion of model complexity allows us to identify certain regimes where increasing (even quadrupling) the number of train samples actually hurts test performance.
            """, ReferenceCard.Markdown(Seed("nakkiran2019deep")));
    }

    [Fact]
    public void Citation_inside_an_abstract_becomes_a_bracketed_key()
    {
        Assert.Equal("""
            **Corgi^2: A Hybrid Offline-Online Approach To Storage-Aware Data Shuffling For SGD**

            Etay Livne, Gal Kaplun, Eran Malach, Shai Shalev-Schwatz · 2023-09-04 · LG

            ---

            When using Stochastic Gradient Descent (SGD) for training machine learning models, it is often crucial to provide the model with examples sampled at random from the dataset. However, for large datasets stored in the cloud, random access to individual examples is often costly and inefficient. A recent work [corgi], proposed an online shuffling algorithm called CorgiPile, which greatly improves efficiency of data access, at the cost some performance loss, which is particularly apparent for large datasets stored in homogeneous shards (e.g., video datasets). In this paper, we introduce a novel two-step partial data shuffling strategy for SGD which combines an offline iteration of the CorgiPile method with a subsequent online iteration. Our approach enjoys the best of both worlds: it performs similarly to SGD with random access (even for homogenous data) without compromising the data access efficiency of CorgiPile. We provide a comprehensive theoretical analysis of the convergence properties of our method and demonstrate its practical advantages through experimental results.
            """, ReferenceCard.Markdown(Seed("livne2023corgi")));
    }

    [Fact]
    public void Profile_entry_without_year_keeps_math_and_lists_all_six_authors()
    {
        Assert.Equal("""
            **Hidden Progress in Deep Learning: SGD Learns Parities Near the Computational Limit**

            Boaz Barak, Benjamin L. Edelman, Surbhi Goel, Sham Kakade, Eran Malach, Cyril Zhang

            ---

            There is mounting evidence of emergent phenomena in the capabilities of deep learning methods as we scale up datasets, model sizes, and training times. While there are some accounts of how these resources modulate statistical capacity, far less is known about their effect on the computational problem of model training. This work conducts such an exploration through the lens of learning a $k$-sparse parity of $n$ bits, a canonical discrete search problem which is statistically easy but computationally hard. Empirically, we find that a variety of neural networks successfully learn sparse parities, with discontinuous phase transitions in the training curves. On small instances, learning abruptly occurs at approximately $n^{O(k)}$ iterations; this nearly matches SQ lower bounds, despite the apparent lack of a sparse prior. Our theoretical analysis shows that these observations are not explained by a Langevin-like mechanism, whereby SGD "stumbles in the dark" until it finds the hidden set of features (a natural algorithm which also runs in $n^{O(k)}$ time). Instead, we show that SGD gradually amplifies the sparse solution via a Fourier gap in the population gradient, making continual progress that is invisible to loss and error metrics.
            """, ReferenceCard.Markdown(Seed("barakhidden")));
    }

    [Fact]
    public void Month_and_day_without_a_year_are_not_shown_and_emph_is_italic()
    {
        Assert.Equal("""
            **Workspace Optimization: How to Train Your Agent**

            Elad Sarafian, Gal Kaplun, Ron Banner et al. · AI

            ---

            Modern agents built on frontier language models often cannot adapt their weights. What, then, remains trainable? We argue it is the agent's *workspace*, the structured external substrate it reads, writes, and tests; we call its evolution workspace optimization. Workspace optimization targets hard multi-turn environments where a frontier model has strong priors but cannot solve the task in a single shot, so the agent must learn through interaction. We propose a principled way to evolve the workspace, mirroring the structure of weight-space training: artifacts in place of parameters, evidence in place of data, counterexamples in place of losses, and textual feedback in place of gradients. We instantiate the idea in DreamTeam, a multi-agent harness for ARC-AGI-3 whose roles build an executable world model, plan, hypothesize, probe, strategize, and route failures. On the current 25-game ARC-AGI-3 public set under the official scoring protocol and averaged over two independent runs, DreamTeam improves the SOTA protocol-matched agent's score from 36% to 38.4%, while using 31% fewer environment actions per game.
            """, ReferenceCard.Markdown(Seed("sarafianworkspace")));
    }

    [Fact]
    public void Links_tex_names_and_long_author_lists()
    {
        var e = new Entry
        {
            Key = "mueller2020",
            Title = @"{BERT} for \emph{Sch{\""o}nheit}",
            Authors = [.. Enumerable.Range(1, 9).Select(i => new Person(i == 1 ? @"M{\""u}ller" : "Author" + i, "Jo"))],
            Date = new PartialDate(2020),
            Venue = @"Proc.\ of R\&D",
            Doi = "https://doi.org/10.1000/a_(b)",
            ArxivId = "2001.00001",
            Url = "https://example.org/paper one",
            Abstract = "Short.",
        };
        Assert.Equal("""
            **BERT for *Schönheit***

            Jo Müller et al. · 2020 · Proc. of R\&D

            [doi:10.1000/a\_(b)](https://doi.org/10.1000/a_%28b%29) · [arXiv:2001.00001](https://arxiv.org/abs/2001.00001) · [https://example.org/paper one](https://example.org/paper%20one)

            ---

            Short.
            """, ReferenceCard.Markdown(e));
        Assert.Equal("Müller et al. 2020", ReferenceCard.ShortLabel(e));
    }

    [Fact]
    public void Url_repeating_the_doi_is_not_shown_twice_and_a_missing_title_shows_the_key()
    {
        var e = new Entry { Key = "x_1", Doi = "10.1/z", Url = "https://doi.org/10.1/z" };
        Assert.Equal("**x\\_1**\n\n[doi:10.1/z](https://doi.org/10.1/z)", ReferenceCard.Markdown(e));
    }

    [Theory]
    [InlineData("nakkiran2019deep", "Nakkiran et al. 2019")]
    [InlineData("malachautoregressive", "Malach n.d.")]
    [InlineData("danielylearning", "Daniely and Malach n.d.")]
    [InlineData("dikkala2021manifold", "Dikkala et al. 2021")]
    [InlineData("livne2023corgi", "Livne et al. 2023")]
    public void Short_labels_of_seed_entries(string key, string label) => Assert.Equal(label, ReferenceCard.ShortLabel(Seed(key)));

    [Fact]
    public void Short_label_edge_cases()
    {
        var two = new Entry { Key = "a", Authors = [new("Ng", "Andrew"), Person.Corporate("OpenAI")], Date = new(2021) };
        Assert.Equal("Ng and OpenAI 2021", ReferenceCard.ShortLabel(two));
        var truncatedOne = new Entry { Key = "b", Authors = [new("Solo")], AuthorsTruncated = true, Date = new(2001) };
        Assert.Equal("Solo et al. 2001", ReferenceCard.ShortLabel(truncatedOne));
        var anonymous = new Entry { Key = "c", Title = @"A Very Long Title About {\""U}ber Things and More" };
        Assert.Equal("A Very Long Title About Über… n.d.", ReferenceCard.ShortLabel(anonymous));
    }
}
