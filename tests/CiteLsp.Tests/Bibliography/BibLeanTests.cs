using System.Text;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Tests.Server;

namespace CiteLsp.Tests.Bibliography;

/// <summary>
/// A huge library keeps lean entries that read raw fields and abstracts back from the file (issue 12): whatever the
/// file, its encoding or its inheritance, they must read exactly what a full parse keeps.
/// </summary>
public class BibLeanTests
{
    [Theory]
    [MemberData(nameof(CorpusBib.AllFiles), MemberType = typeof(CorpusBib))]
    public void Lean_entries_read_what_a_full_parse_keeps(string relative) =>
        AssertSameAsFull(TestPaths.CorpusFile(relative));

    [Theory]
    [InlineData("utf-8 bom")]
    [InlineData("utf-16")]
    [InlineData("utf-16 big-endian")]
    [InlineData("latin-1")]
    public void Every_encoding_reads_back_the_same_characters(string encoding)
    {
        // Accents and a character outside the BMP before and inside entries: offsets in characters differ from bytes.
        var text = "% Ünïcödé 𝔅 comment\n" + File.ReadAllText(TestPaths.CorpusFile("bib/exports/acmart-sample-base.bib"))
            .Replace("title", "title = {Ça 𝔅 va},\n  note");
        var (bytes, expectLatin1) = encoding switch
        {
            "utf-8 bom" => ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)], false),
            "utf-16" => ([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)], false),
            "utf-16 big-endian" => ([.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)], false),
            _ => (Encoding.Latin1.GetBytes(text.Replace("𝔅", "B")), true),
        };
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "lib.bib");
        File.WriteAllBytes(path, bytes);
        var lean = AssertSameAsFull(path);
        Assert.Equal(expectLatin1, lean.Diagnostics.Any(d => d.Code == "catalog-encoding"));
        Assert.Contains(lean.Entries, e => e.Fields.TryGetValue("title", out var t) && t.Contains(expectLatin1 ? "Ça B va" : "Ça 𝔅 va"));
    }

    /// <summary>A file big enough to be decoded, scanned and built in parts (one per core): lean entries still read what a
    /// full parse keeps, and the parts' parse is one scan's.</summary>
    [Fact]
    public void A_big_file_parsed_in_parts_reads_back_what_one_scan_keeps()
    {
        // Children refer to parents anywhere in the file, by key or by alias: across the parts too.
        var text = new StringBuilder("@string{j = {Journal of Tests}}\n");
        for (var i = 0; i < 32_000; i++)
        {
            var parent = (i * 37 % 64) * 500 + 7;
            text.Append(i % 500 == 7 ? $"@proceedings{{p{i}, title = {{Proceedings {i}}}, year = {{20{i % 90:D2}}}, ids = {{alias{i}}}}}\n"
                : $"@inproceedings{{k{i}, author = {{Müller, Jörg and Author{i % 300}, A.}}, title = {{Title 𝔅 {i}}}, "
                  + $"{(i % 7 == 3 ? $"crossref = {{{(i % 2 == 0 ? "P" : "alias")}{parent}}}" : "booktitle = j")}, abstract = {{Abstract {i}}}}}\n");
        }
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "big.bib");
        File.WriteAllText(path, text.ToString());

        var lean = AssertSameAsFull(path);
        var one = BibtexParser.Parse(path, text.ToString(), -1, out _);
        Assert.Equal(one.Entries.Select(Shown), lean.Entries.Select(Shown));
        Assert.Equal(one.Diagnostics, lean.Diagnostics);
        Assert.Contains(lean.Entries, e => e.Key == "k3" && e.Venue == "Proceedings 23507"); // through an alias
        Assert.Contains(lean.Entries, e => e.Key == "k10" && e.Venue == "Proceedings 25007"); // by key, later in the file
        Assert.Contains(lean.Entries, e => e.Key == "k16502" && e.Venue == "Proceedings 7007");
        Assert.True(BibtexParser.SplitPoints(text.ToString(), 2).Length == 1, "not big enough to be split");
    }

    [Fact]
    public void A_file_changed_since_reads_no_fields_rather_than_another_entrys()
    {
        using var dir = new TempDir();
        var path = dir.File("lib.bib", File.ReadAllText(TestPaths.CorpusFile(CorpusBib.Library)));
        var lean = CatalogLoader.Load(path, null, fieldsOnDiskAbove: 0);
        var entry = lean.Entries[lean.Entries.Count / 2];
        Assert.NotEmpty(entry.Fields);
        File.WriteAllText(path, "% a new first line moves every entry\n" + File.ReadAllText(path));
        Assert.Empty(lean.Entries[lean.Entries.Count / 2 + 1].Fields);
    }

    /// <summary>A crossref names a key that is also an earlier entry's alias: as in a full parse, the key wins.</summary>
    [Fact]
    public void A_parent_key_wins_over_an_earlier_entrys_alias()
    {
        using var dir = new TempDir();
        var path = dir.File("lib.bib", "@book{first, ids = {Parent}, title = {First}, publisher = {Alias side}}\n"
            + "@book{parent, title = {Parent}, publisher = {Key side}}\n@inbook{child, crossref = {parent}, title = {Child}}\n");
        var lean = AssertSameAsFull(path);
        Assert.Equal("Key side", lean.Entries.Single(e => e.Key == "child").Fields["publisher"]);
    }

    /// <summary>Read back later, an entry's fields would see the macro's last value, not the one it read.</summary>
    [Fact]
    public void A_file_that_gives_a_used_macro_another_value_keeps_its_fields_in_memory()
    {
        using var dir = new TempDir();
        var path = dir.File("lib.bib", "@string{pub = {First}}\n@book{a, publisher = pub}\n@string{pub = {Second}}\n@book{b, publisher = pub}\n");
        var lean = CatalogLoader.Load(path, null, fieldsOnDiskAbove: 0);
        Assert.False(lean.FieldsOnDisk);
        Assert.Equal(["First", "Second"], lean.Entries.Select(e => e.Fields["publisher"]));

        // Defined again before any entry reads it (a second @string block at the top): still lean.
        File.WriteAllText(path, "@string{pub = {First}}\n@string{pub = {Second}}\n@book{a, publisher = pub}\n");
        Assert.Equal("Second", AssertSameAsFull(path).Entries[0].Fields["publisher"]);
    }

    [Fact]
    public void Small_files_keep_their_fields_in_memory()
    {
        var file = CatalogLoader.Load(TestPaths.CorpusFile(CorpusBib.Library), null);
        Assert.False(file.FieldsOnDisk);
        Assert.NotNull(file.Bibtex);
    }

    private static CatalogFile AssertSameAsFull(string path)
    {
        var full = CatalogLoader.Load(path, null, fieldsOnDiskAbove: long.MaxValue);
        var lean = CatalogLoader.Load(path, null, fieldsOnDiskAbove: 0);
        if (full.Format != "bibtex") return lean;
        Assert.True(lean.FieldsOnDisk);
        Assert.Null(lean.Bibtex); // no text kept: the next change parses the file again
        Assert.Equal(full.Diagnostics, lean.Diagnostics);
        Assert.Equal(full.Entries.Count, lean.Entries.Count);
        // Which member of an inheritance cycle takes fields from the others depends on which entry of the whole file
        // reached the cycle first: in a file with a (reported) cycle, entries that inherit may read differently.
        var cycle = full.Diagnostics.Any(d => d.Code == "bib-crossref-cycle");
        for (var i = 0; i < full.Entries.Count; i++)
        {
            var (f, l) = (full.Entries[i], lean.Entries[i]);
            Assert.Equal(Shown(f), Shown(l));
            if (cycle && (f.Fields.ContainsKey("crossref") || f.Fields.ContainsKey("xdata"))) continue;
            Assert.Equal(f.Fields.ToList(), l.Fields.ToList());
            Assert.Equal(f.Abstract, l.Abstract);
            Assert.Null(l.AbstractInMemory); // the search index does not read a million abstracts from disk
            Assert.Null(l.DoiInMemory); // nor keeps a million DOIs and URLs for the few entries hovered
            Assert.Null(l.UrlInMemory);
        }
        return lean;
    }

    internal static string Shown(Entry e) =>
        $"{e.Key}|{e.Type}|{e.Title}|{string.Join(";", e.Authors)}|{e.AuthorsTruncated}|{e.Date}|{e.Venue}|{e.Doi}|{e.Url}|{e.ArxivId}|" +
        $"{string.Join(",", e.Aliases)}|{e.ContentHash}|{e.Location}|{e.KeyLocation}";
}
