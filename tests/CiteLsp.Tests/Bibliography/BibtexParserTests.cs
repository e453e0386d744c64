using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Bibliography;

public class BibtexParserTests
{
    private static CatalogFile Parse(string text) => BibtexParser.Parse("t.bib", text);

    [Fact]
    public void Entry_fields_spans_and_case_insensitive_names()
    {
        const string text = "% c\n@ARTICLE{Key1,\n  TITLE = {A {GPU} Study},\n  Journal = \"J. \" # {Tests},\n  Year = 2019, month = mar,\n  DOI = {10.1/x}, url = {https://x.org/a%20b}\n}\n";
        var e = Assert.Single(Parse(text).Entries);
        Assert.Equal(("Key1", "article", "A GPU Study", "J. Tests"), (e.Key, e.Type, e.Title, e.Venue));
        Assert.Equal("A {GPU} Study", e.Fields["title"]);
        Assert.Equal(new PartialDate(2019, 3), e.Date);
        Assert.Equal(("10.1/x", "https://x.org/a%20b"), (e.Doi, e.Url));
        Assert.Equal(text.IndexOf('@'), e.Location.Start);
        Assert.Equal(text.LastIndexOf('}') + 1, e.Location.End);
        Assert.Equal("Key1", text.Substring(e.KeyLocation.Start, e.KeyLocation.Length));
        Assert.Equal("J. Tests", e.Fields["journal"]);
    }

    [Fact]
    public void Parenthesis_delimiters_and_keys_with_braces()
    {
        var file = Parse("@book(k}1, title = {T (x)}, year = {2001})\n@misc{k2,title={U}}");
        Assert.Equal(["k}1", "k2"], file.Entries.Select(e => e.Key));
        Assert.Equal("T (x)", file.Entries[0].Title);
    }

    [Fact]
    public void Tex_accents_and_specials_become_unicode()
    {
        var e = Assert.Single(Parse(@"@misc{a, title = {Schr{\""o}dinger \""{U}ber {\ss} Bj\o rn \c{c}a {\'E}cole \v{S}koda \'{\i}x --- 1--2 \& co~x ``q'' $\alpha$}}").Entries);
        Assert.Equal("Schrödinger Über ß Bjørn ça École Škoda íx — 1–2 & co x “q” $\\alpha$", e.Title);
    }

    [Fact]
    public void Names_in_every_bibtex_form()
    {
        var e = Assert.Single(Parse(@"@misc{a, author = {Ludwig van Beethoven and Doe, Jr., John and {World Health Organization} and de la Fontaine, Jean and M{\""u}ller, J{\""o}rg and others}}").Entries);
        Assert.True(e.AuthorsTruncated);
        Assert.Equal(5, e.Authors.Count);
        Assert.Equal(new Person("van Beethoven", "Ludwig"), e.Authors[0]);
        Assert.Equal(new Person("Doe", "John") { Suffix = "Jr." }, e.Authors[1]);
        Assert.Equal(Person.Corporate("World Health Organization"), e.Authors[2]);
        Assert.Equal(new Person("de la Fontaine", "Jean"), e.Authors[3]);
        Assert.Equal(new Person("Müller", "Jörg"), e.Authors[4]);
    }

    [Theory]
    [InlineData("A and B", "A|B")]
    [InlineData("A AND B aNd C", "A|B|C")]
    [InlineData("A and and B", "A|B")]
    [InlineData("A~and~B\tand\nC", "A|B|C")]
    [InlineData("{A and B} and C", "A and B|C")]
    [InlineData("{A {and} B and C} and D", "A and B and C|D")]
    [InlineData("Anderson and Band", "Anderson|Band")]
    [InlineData("A andy B and", "andy B and")]
    [InlineData("and A and B", "and A|B")]
    [InlineData("Candy Sand and Rand", "Sand|Rand")]
    [InlineData("A and others and B", "A|B")]
    public void Name_lists_split_at_and_between_blanks_outside_braces(string authors, string families)
    {
        var e = Assert.Single(Parse($"@misc{{a, author = {{{authors}}}}}").Entries);
        Assert.Equal(families, string.Join("|", e.Authors.Select(a => a.Family)));
    }

    [Fact]
    public void Biblatex_key_value_names_need_an_equals_sign_outside_braces()
    {
        var e = Assert.Single(Parse("@misc{a, author = {family=Duchamp, given=Philippe, prefix=de and {a=b}, family=x and a{=}b}}").Entries);
        Assert.Equal(new Person("de Duchamp", "Philippe"), e.Authors[0]);
        Assert.Equal(new Person("a=b", "family=x"), e.Authors[1]);
        Assert.Equal(new Person("a=b", ""), e.Authors[2]);
    }

    [Fact]
    public void A_broken_value_that_uses_an_unknown_macro_is_reported_once()
    {
        var file = Parse("@article{a, journal = j # \"p\n@article{b, title = {B}}\n");
        Assert.Single(file.Diagnostics, d => d.Message.StartsWith("unterminated string", StringComparison.Ordinal));
        Assert.Equal(["a", "b"], file.Entries.Select(e => e.Key));
    }

    [Fact]
    public void Names_with_nothing_in_them_are_left_out()
    {
        var e = Assert.Single(Parse("@misc{a, author = {{} and Doe, John and , Jr, and ~}}").Entries);
        Assert.Equal([new Person("Doe", "John")], e.Authors);
    }

    [Fact]
    public void Strings_defined_before_and_after_use_and_undefined_ones()
    {
        var file = Parse("@string{acm = \"ACM\"}\n@article{a, journal = acm # \" Press\"}\n@article{b, journal = later}\n@article{c, journal = nowhere}\n@string{later = {Later Inc}}\n");
        Assert.Equal(["ACM Press", "Later Inc", null], file.Entries.Select(e => e.Venue));
        Assert.Contains(file.Diagnostics, d => d.Code == "bib-macro-order" && d.Message.Contains("later"));
        Assert.Contains(file.Diagnostics, d => d.Code == "bib-undefined-macro" && d.Message.Contains("nowhere"));
    }

    [Fact]
    public void Month_macros_iso_dates_and_year_month_fields()
    {
        var file = Parse("@a{a, year = 2001, month = dec}\n@a{b, date = {2007-05-12}}\n@a{c, year = {2003}, month = {June}}\n@a{d, year = {in press}}\n@a{e, year = 1999, month = 7, day = 4}");
        Assert.Equal([new(2001, 12), new(2007, 5, 12), new(2003, 6), default, new(1999, 7, 4)], file.Entries.Select(e => e.Date));
        Assert.Equal("December", file.Entries[0].Fields["month"]);
    }

    [Fact]
    public void A_repeated_field_keeps_its_first_value_even_when_the_repeat_uses_a_macro_defined_later()
    {
        var file = Parse("@article{k, publisher = {First}, publisher = later}\n@string{later = {Second}}\n");
        Assert.Equal("First", Assert.Single(file.Entries).Fields["publisher"]);
        Assert.Contains(file.Diagnostics, d => d.Code == "bib-duplicate-field");
    }

    [Fact]
    public void Duplicate_keys_are_compared_case_insensitively_and_the_first_wins()
    {
        const string text = "@article{Key1, title={First}}\n@book{key1, title={Second}}\n";
        var file = Parse(text);
        var e = Assert.Single(file.Entries);
        Assert.Equal("First", e.Title);
        var d = Assert.Single(file.Diagnostics);
        Assert.Equal("bib-duplicate-key", d.Code);
        Assert.Equal(text.IndexOf("key1", StringComparison.Ordinal), d.Span.Start);
        Assert.Equal(text.IndexOf("Key1", StringComparison.Ordinal), d.Related!.Value.Start);
        Assert.Contains("line 1", d.Message);
    }

    [Fact]
    public void Crossref_child_inherits_missing_fields_from_a_later_parent()
    {
        var file = Parse("@inproceedings{child, title = {Paper}, crossref = {conf}, pages = {1--2}}\n@proceedings{conf, title = {Proc. Conf}, year = 2010, publisher = {Pub}, pages = {0}}\n");
        var child = file.Entries[0];
        Assert.Equal(("Paper", "Proc. Conf", 2010, "1--2"), (child.Title, child.Venue, child.Year, child.Fields["pages"]));
        Assert.Equal("Pub", child.Fields["publisher"]);
    }

    [Fact]
    public void Crossref_cycles_are_reported_not_followed()
    {
        var file = CatalogLoader.Load(TestPaths.CorpusFile("bib/tricky/python-bibtexparser/crossref_cascading_cycle.bib"));
        Assert.Equal(["circ1", "circ2"], file.Entries.Select(e => e.Key));
        Assert.Single(file.Diagnostics, d => d.Code == "bib-crossref-cycle");
    }

    [Fact]
    public void Xdata_is_inherited_through_ids_aliases()
    {
        var file = CatalogLoader.Load(TestPaths.CorpusFile("bib/tricky/biber/xdata.bib"));
        var xd1 = file.Entries.Single(e => e.Key == "xd1");
        Assert.Equal(("Macmillan", "New York and London"), (xd1.Fields["publisher"], xd1.Fields["location"]));
        Assert.Contains(file.Diagnostics, d => d.Code == "bib-crossref-missing" && d.Message.Contains("missingxd"));
        Assert.Contains(file.Diagnostics, d => d.Code == "bib-crossref-cycle");
    }

    [Fact]
    public void Ids_aliases_resolve_in_the_catalog()
    {
        var catalog = Catalog.Build([Parse("@article{main, ids = {old1, Old2}, title={T}}\n@article{other, title={U}}")]);
        Assert.Equal("main", catalog.Find("old1")!.Key);
        Assert.Equal("main", catalog.FindIgnoreCase("old2")!.Key);
        Assert.Null(catalog.Find("old2"));
        Assert.Equal(2, catalog.Count);
    }

    [Fact]
    public void A_case_insensitive_lookup_takes_the_first_of_keys_alike_but_for_case_and_a_key_before_an_alias()
    {
        // Built from entries as they are (the parser itself reports keys alike but for case).
        Entry[] entries =
        [
            new() { Key = "Smith2019", Title = "A" }, new() { Key = "smith2019", Title = "B", Aliases = ["Jones2020"] },
            new() { Key = "jones2020", Title = "C" }, new() { Key = "SMITH2019", Title = "D" },
        ];
        var catalog = Catalog.Build([new CatalogFile("refs.bib", "bibtex", entries, [], new LineIndex(""))]);
        Assert.Equal("A", catalog.FindIgnoreCase("sMITH2019")!.Title);
        Assert.Equal("D", catalog.Find("SMITH2019")!.Title);
        Assert.Equal("C", catalog.FindIgnoreCase("Jones2020")!.Title);
        Assert.Equal("B", catalog.Find("Jones2020")!.Title);
    }

    [Fact]
    public void Arxiv_eprints()
    {
        var file = Parse("@misc{a, eprint = {2101.00001}, archivePrefix = {arXiv}}\n@online{b, eprint = {2202.2}, eprinttype = {arxiv}}\n@misc{c, eprint = {123}}");
        Assert.Equal(["2101.00001", "2202.2", null], file.Entries.Select(e => e.ArxivId));
    }
}
