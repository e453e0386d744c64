using CiteLsp.Core.Bibliography;

namespace CiteLsp.Tests.Bibliography;

/// <summary>Spot checks of fields, names and accents on real entries of the shared corpus.</summary>
public class BibRealEntryTests
{
    private static Entry Load(string relative, string key) =>
        CatalogLoader.Load(TestPaths.CorpusFile("bib/" + relative)).Entries.Single(e => e.Key == key);

    [Fact]
    public void Biblatex_examples_aksin_names_accents_and_string_macro()
    {
        var e = Load("tricky/biblatex-examples.bib", "aksin");
        Assert.Equal(7, e.Authors.Count);
        Assert.Equal(new Person("Aksın", "Özge"), e.Authors[0]);
        Assert.Equal(new Person("Çetinkaya", "Bekir"), e.Authors[3]);
        Assert.Equal("Büyükgüngör", e.Authors[5].Family);
        Assert.Equal("Effect of immobilization on catalytic characteristics of saturated Pd-N-heterocyclic carbenes in Mizoroki-Heck reactions", e.Title);
        Assert.Equal("J. Organomet. Chem.", e.Venue);
        Assert.Equal("J.~Organomet. Chem.", e.Fields["journaltitle"]);
        Assert.Equal(new PartialDate(2006), e.Date);
    }

    [Fact]
    public void Biblatex_examples_kant_inbook()
    {
        var e = Load("tricky/biblatex-examples.bib", "kant:kpv");
        Assert.Equal(("inbook", "Kritik der praktischen Vernunft", 1968), (e.Type, e.Title, e.Year));
        Assert.Equal(new Person("Kant", "Immanuel"), Assert.Single(e.Authors));
        Assert.Equal("Kritik der praktischen Vernunft. Kritik der Urtheilskraft", e.Venue);
    }

    [Fact]
    public void Cdl_initials_and_accent_without_braces()
    {
        var e = Load("large/cdl.bib", "MarsEtal15");
        Assert.Equal(["J E Marsh", "P Sörqvist", "H M Hodgetts", "C P Beaman", "D M Jones"], e.Authors.Select(a => a.DisplayName));
        Assert.Equal(("Journal of Experimental Psychology: Learning, Memory, and Cognition", 2015), (e.Venue, e.Year));
    }

    [Fact]
    public void Icml_entry_with_abstract_editors_and_numeric_month()
    {
        var e = Load("large/b-vitamins-icml-2023.bib", "lee2023unsupervised");
        Assert.Equal("Unsupervised Skill Discovery for Learning Shared Structures across Changing Environments", e.Title);
        Assert.Equal(["Sang-Hyun Lee", "Seung-Woo Seo"], e.Authors.Select(a => a.DisplayName));
        Assert.Equal("Proceedings of the 40th International Conference on Machine Learning", e.Venue);
        Assert.StartsWith("Learning shared structures across changing environments", e.Abstract);
        Assert.Equal(("https://proceedings.mlr.press/v202/lee23r.html", new PartialDate(2023, 7)), (e.Url, e.Date));
    }

    [Fact]
    public void Latin1_file_is_decoded_with_a_warning()
    {
        var file = CatalogLoader.Load(TestPaths.CorpusFile("bib/tricky/biber/encoding1.bib"));
        Assert.Contains(file.Diagnostics, d => d.Code == "catalog-encoding");
        Assert.Single(file.Entries);
    }

    [Fact]
    public void Bom_file_is_read_as_utf8()
    {
        var file = CatalogLoader.Load(TestPaths.CorpusFile("bib/tricky/python-bibtexparser/article_start_with_bom.bib"));
        Assert.Single(file.Entries);
        Assert.Empty(file.Diagnostics);
    }
}
