using System.Text;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Core.Bibliography.Cache;
using CiteLsp.Tests.Server;

namespace CiteLsp.Tests.Bibliography;

/// <summary>
/// A huge library is parsed a window of the file at a time (issue 12: its text is never in memory whole). Windows of a
/// few hundred bytes cut every corpus file into many: the result must be the whole text's lean parse, to the line.
/// </summary>
public class BibWindowsTests
{
    [Theory]
    [MemberData(nameof(CorpusBib.AllFiles), MemberType = typeof(CorpusBib))]
    public void Windows_parse_as_the_whole_text_does(string relative)
    {
        var path = TestPaths.CorpusFile(relative);
        foreach (var window in (int[])[300, 4096])
            if (BibWindows.TryParse(path, window) is { } windowed) AssertSame(CatalogLoader.Load(path, null, fieldsOnDiskAbove: 0), windowed);
    }

    /// <summary>Corpus files of ten entries or more are parsed in windows, not handed back to the whole parse (which
    /// the few that redefine a month or a used macro, or use one before defining it in a later window, are).</summary>
    [Fact]
    public void Most_corpus_files_are_parsed_in_windows()
    {
        var files = Directory.EnumerateFiles(TestPaths.Corpus, "*.bib", SearchOption.AllDirectories)
            .Where(f => File.ReadLines(f).Count(l => l.StartsWith('@')) >= 10).ToList();
        var whole = files.Where(f => BibWindows.TryParse(f, 300) is null).Select(Path.GetFileName).ToList();
        Assert.True(files.Count >= 30 && whole.Count * 10 <= files.Count, $"{whole.Count} of {files.Count} parsed whole: {string.Join(", ", whole)}");
    }

    /// <summary>Macros at the head, used everywhere; parents and aliases across windows, before and after their children;
    /// a macro used before its definition; duplicate keys across windows; syntax errors at a window's end; CRLF lines.</summary>
    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Links_macros_and_errors_across_windows(string newline)
    {
        var text = new StringBuilder("@string{j = {Journal of Tests}}\n@string{late0 = {Early}}\n");
        for (var i = 0; i < 3000; i++)
        {
            var parent = (i * 37 % 64) * 47 + 7;
            text.Append(i % 47 == 7 ? $"@proceedings{{p{i}, title = {{Proceedings {i}}}, year = {{20{i % 90:D2}}}, ids = {{alias{i}}}}}\n"
                : i % 401 == 5 ? $"@article{{k{i - 3}, title = {{Duplicate of an earlier key}}}}\n"
                : i % 503 == 9 ? $"@article{{broken{i}, title = {{Unclosed brace\n"
                : i % 611 == 11 ? $"@misc{{m{i}, note = late{i} # {{ and more}}}}\n@string{{late{i} = {{Defined late}}}}\n"
                : $"@inproceedings{{k{i}, author = {{Müller, Jörg and Author{i % 300}, A.}}, title = {{Title 𝔅 {i}}},\n  "
                  + $"{(i % 7 == 3 ? $"crossref = {{{(i % 2 == 0 ? "P" : "alias")}{parent}}}" : "booktitle = j")}, abstract = {{Abstract {i}}}}}\n");
        }
        using var dir = new TempDir();
        var path = dir.File("lib.bib", text.ToString().Replace("\n", newline));
        foreach (var window in (int[])[200, 1000, 50_000])
        {
            var windowed = BibWindows.TryParse(path, window);
            Assert.NotNull(windowed);
            AssertSame(CatalogLoader.Load(path, null, fieldsOnDiskAbove: 0), windowed);
        }
    }

    /// <summary>A macro no entry has read yet defined again in one window: the next window, scanned beside it with the
    /// first value, must not bring that one back when the scans are joined (the macros' hash is every entry's too).</summary>
    [Fact]
    public void A_macro_defined_again_in_a_window_keeps_its_last_value()
    {
        using var dir = new TempDir();
        var entries = Enumerable.Range(0, 40).Select(i => $"@misc{{e{i}, title = {{Entry {i}}}}}\n").ToList();
        entries.Insert(20, "@string{pub = {Second}}\n");
        var path = dir.File("lib.bib", "@string{pub = {First}}\n" + string.Concat(entries) + "@book{last, publisher = pub}\n");
        foreach (var window in (int[])[60, 100, 150, 200, 300])
        {
            var windowed = BibWindows.TryParse(path, window);
            Assert.NotNull(windowed);
            AssertSame(CatalogLoader.Load(path, null, fieldsOnDiskAbove: 0), windowed);
            Assert.Equal("Second", windowed.Entries[^1].Fields["publisher"]);
        }
    }

    [Fact]
    public void A_file_that_gives_a_used_macro_another_value_is_left_to_the_whole_parse()
    {
        using var dir = new TempDir();
        var filler = string.Concat(Enumerable.Range(0, 50).Select(i => $"@misc{{f{i}, title = {{Filler {i}}}}}\n"));
        var path = dir.File("lib.bib", "@string{pub = {First}}\n@book{a, publisher = pub}\n" + filler + "@string{pub = {Second}}\n@book{b, publisher = pub}\n");
        Assert.Null(BibWindows.TryParse(path, 200));
        Assert.Equal(["First", "Second"], CatalogLoader.Load(path, null, fieldsOnDiskAbove: 0).Entries.Where(e => e.Key.Length == 1).Select(e => e.Fields["publisher"]));
    }

    /// <summary>A huge library rewritten (Zotero's auto-export) is parsed with its last parse: the entries whose text
    /// is unchanged are the old ones in their new places, and the result is a fresh parse's.</summary>
    [Fact]
    public void A_rewrite_takes_the_unchanged_entries_from_the_last_parse()
    {
        static string Library(string publisher, bool changed) => $"@string{{pub = {{{publisher}}}}}\n" + string.Concat(Enumerable.Range(0, 300)
            .Where(i => !changed || i != 150) // gone: every entry after it moves
            .Select(i => $"@article{{k{i}, author = {{Müller, Jörg and Author{i % 30}, A.}}, title = {{Title {(changed && i == 40 ? "changed " : "")}{i}}}, "
                + $"journal = pub, doi = {{10.1/{i}}}{(i % 50 == 7 ? $", crossref = {{k{i - 1}}}" : "")}}}\n"));
        using var dir = new TempDir();
        var path = dir.File("lib.bib", Library("First", changed: false));
        var first = BibWindows.TryParse(path, 1000)!;
        File.WriteAllText(path, Library("First", changed: true));
        var second = BibWindows.TryParse(path, 1000, first);
        Assert.NotNull(second);
        AssertSame(CatalogLoader.Load(path, null, fieldsOnDiskAbove: 0), second);
        var old = first.Entries.ToDictionary(e => e.Key);
        var taken = second.Entries.Where(e => ReferenceEquals(old[e.Key].Title, e.Title)).Select(e => e.Key).ToList();
        // All but the changed one and the six that inherit (built once the scan is done).
        Assert.Equal(second.Entries.Count - 7, taken.Count);
        Assert.DoesNotContain("k40", taken);
        Assert.All(second.Entries, e => Assert.Same(second.OnDisk, e.OnDisk)); // the old one maps the old file's offsets

        // Another value of the macro every entry reads: none is taken, and the result is still a fresh parse's.
        File.WriteAllText(path, Library("Second", changed: true));
        var third = BibWindows.TryParse(path, 1000, second);
        Assert.NotNull(third);
        AssertSame(CatalogLoader.Load(path, null, fieldsOnDiskAbove: 0), third);
        Assert.Equal("Second", third.Entries[0].Venue);
    }

    /// <summary>After a restart the last parse is the cache's: a rewrite then takes its entries just the same.</summary>
    [Fact]
    public void A_rewrite_after_a_warm_start_takes_the_cached_entries()
    {
        var text = new StringBuilder("@string{pub = {Publisher}}\n");
        for (var i = 0; i < 300; i++) text.Append($"@book{{k{i}, author = {{Author{i % 30}, A.}}, title = {{Title {i}}}, publisher = pub}}\n");
        using var dir = new TempDir();
        using var cacheDir = new TempDir();
        var path = dir.File("lib.bib", text.ToString());
        var cache = new CatalogCache(cacheDir.Path, minBytes: 0);
        var first = BibWindows.TryParse(path, 1000)!;
        Assert.True(cache.Save(first, CiteLsp.Core.Search.SearchIndex.Build(first.Entries)));
        var cached = cache.TryLoad(path)?.File ?? throw new Xunit.Sdk.XunitException("not loaded from the cache");
        File.WriteAllText(path, "@misc{added, title = {Ünïcode}}\n" + text);

        var reloaded = BibWindows.TryParse(path, 1000, cached);

        Assert.NotNull(reloaded);
        AssertSame(CatalogLoader.Load(path, null, fieldsOnDiskAbove: 0), reloaded);
        var old = cached.Entries.ToDictionary(e => e.Key);
        Assert.Equal(300, reloaded.Entries.Count(e => old.TryGetValue(e.Key, out var o) && ReferenceEquals(o.Title, e.Title)));
    }

    /// <summary>What the loader reads a window at a time: BibTeX from its head on, whatever comes before the first entry;
    /// not CSL-JSON or CSL-YAML, which may hold "@type{" in a value.</summary>
    [Theory]
    [InlineData("@article{a, title = {A}}\n", true)]
    [InlineData("% Exported by Zotero\n\n@article{a, title = {A}}\n", true)]
    [InlineData("This file was created with JabRef.\n@article{a, title = {A}}\n", true)]
    [InlineData("[{\"id\": \"a\", \"note\": \"@article{a,\"}]", false)]
    [InlineData("---\nreferences:\n- id: a\n  note: \"@article{a,\"\n", false)]
    [InlineData("- id: a\n  note: \"@article{a,\"\n", false)]
    public void Only_bibtex_heads_are_read_in_windows(string head, bool windows) => Assert.Equal(windows, CatalogLoader.IsBibtex(head));

    private static void AssertSame(CatalogFile whole, CatalogFile windowed)
    {
        Assert.True(windowed.FieldsOnDisk);
        Assert.Equal(whole.Diagnostics, windowed.Diagnostics);
        Assert.Equal(whole.Entries.Select(BibLeanTests.Shown), windowed.Entries.Select(BibLeanTests.Shown));
        for (var i = 0; i < whole.Entries.Count; i++)
        {
            Assert.Equal(whole.Entries[i].Fields.ToList(), windowed.Entries[i].Fields.ToList());
            Assert.Equal(whole.Entries[i].Abstract, windowed.Entries[i].Abstract);
        }
        Assert.Equal(whole.Lines.LineCount, windowed.Lines.LineCount);
        Assert.Equal(whole.Lines.TextLength, windowed.Lines.TextLength);
        for (var line = 0; line < whole.Lines.LineCount; line++) Assert.Equal(whole.Lines.LineStart(line), windowed.Lines.LineStart(line));
    }
}
