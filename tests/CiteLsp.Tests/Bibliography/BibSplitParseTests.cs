using CiteLsp.Fuzz.Harnesses;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;

namespace CiteLsp.Tests.Bibliography;

/// <summary>
/// A big .bib is scanned in two parts on two threads (issue 12): whatever the split, the result must be exactly one
/// scan's, down to diagnostics and the state a re-parse starts from, and the split must be taken in the common case.
/// </summary>
public class BibSplitParseTests
{
    [Theory]
    [MemberData(nameof(CorpusBib.AllFiles), MemberType = typeof(CorpusBib))]
    public void Any_split_of_a_corpus_file_gives_exactly_one_scan(string relative)
    {
        var path = TestPaths.CorpusFile(relative);
        var text = File.ReadAllText(path);
        var whole = BibtexParser.Parse(path, text, -1, out var one);
        Assert.False(one);
        var expected = Describe(whole);
        var random = new Random(relative.Length * 7919 + text.Length);
        // Every line that starts with '@' (in big files a sample, and every one right after a command that reported
        // something or left the scan recovering), and arbitrary offsets (mostly not entry lines).
        var atLines = Enumerable.Range(0, text.Length).Where(i => text[i] == '@' && (i == 0 || text[i - 1] is '\n' or '\r' or ' ' or '\t')).ToList();
        var journal = whole.Bibtex!.Journal;
        var afterTrouble = Enumerable.Range(1, Math.Max(0, journal.Count - 1))
            .Where(i => journal.Recovering(i - 1) || journal.DiagnosticsAfter(i - 1) != (i < 2 ? 0 : journal.DiagnosticsAfter(i - 2)))
            .Select(i => atLines.FirstOrDefault(a => a >= journal.End(i - 1), -1)).Where(a => a >= 0).Take(40);
        var step = Math.Max(1, atLines.Count / 40);
        var splits = atLines.Where((_, i) => i % step == 0).Concat(afterTrouble)
            .Concat(Enumerable.Range(0, 10).Select(_ => random.Next(text.Length + 1))).Distinct().ToList();
        // The joining must be what is tested, not the fallback: past the last @string it always joins, unless the
        // file gives a month macro another value.
        var state = whole.Bibtex!;
        var mustJoin = Enumerable.Range(0, 12).All(m => state.Macros[BibDates.MonthMacros[m]] == BibDates.MonthNames[m]);
        foreach (var split in splits)
        {
            var parts = BibtexParser.Parse(path, text, split, out var joined);
            Assert.True(expected.SequenceEqual(Describe(parts)), $"split at {split} (joined: {joined}): {FirstDifference(expected, Describe(parts))}");
            if (mustJoin && split > Math.Max(0, state.LastStringAt) && split < text.Length && BibScanner.StartsEntryLine(text, split))
                Assert.True(joined, $"split at {split} fell back");
        }
        // Three parts: any two entry lines (big files are scanned in one part per core).
        for (var i = 0; i < Math.Min(10, atLines.Count * atLines.Count); i++)
        {
            var (a, b) = (atLines[random.Next(atLines.Count)], atLines[random.Next(atLines.Count)]);
            if (a == b) continue;
            var parts = BibtexParser.Parse(path, text, [Math.Min(a, b), Math.Max(a, b)], out var joined);
            Assert.True(expected.SequenceEqual(Describe(parts)), $"split at {Math.Min(a, b)} and {Math.Max(a, b)} (joined: {joined}): {FirstDifference(expected, Describe(parts))}");
        }
    }

    [Fact]
    public void A_string_in_the_second_part_and_macros_of_the_first_used_in_it()
    {
        const string text = """
            @string{j = {Journal One}}
            @string{jan = "January"}
            @article{a, journal = j, title = {Uses } # later, month = jan}
            @string{later = {Later}}
            @article{b, journal = j # { and } # later, month = feb, title = "T"}
            @string{k = j # { two}}
            @article{c, journal = k, title = {} # never}
            @article{d, title = never2 # j, note = j}
            """;
        AssertSameAtEveryEntryLine(text, expectJoined: 1);
    }

    [Fact]
    public void A_first_part_macro_used_in_a_second_part_without_strings_is_read_again()
    {
        const string text = """
            @string{j = {Journal One}}
            @article{a, journal = j, title = {A}}
            @article{b, journal = j # { two} # undefinedthing, title = j, title = j # q}
            @article{c, journal = {X}, journal = j, note = undefinedthing}
            @article{d, note = q}
            """;
        AssertSameAtEveryEntryLine(text, expectJoined: 4);
        var parts = BibtexParser.Parse("t.bib", text, text.IndexOf("@article{b", StringComparison.Ordinal), out var joined);
        Assert.True(joined);
        Assert.Equal("Journal One two", parts.Entries[1].Fields["journal"]);
        Assert.Contains(parts.Diagnostics, d => d.Code == "bib-undefined-macro" && d.Message.Contains("'undefinedthing'", StringComparison.Ordinal));
    }

    [Fact]
    public void Thousands_of_values_read_again_on_both_cores()
    {
        // cryptobib's shape: every journal a macro of the head, so every entry of the second part is read again.
        var text = "@string{j = {Journal}}\n@string{k = {Other}}\n" + string.Concat(Enumerable.Range(0, 12_000).Select(i =>
            $"@article{{key{i}, journal = {(i % 2 == 0 ? "j" : "k")} # {{ {i}}}, note = {(i % 1000 == 7 ? "nowhere" + i % 3 : "k")}, title = {{T{i}}}, month = mar}}\n"));
        var split = text.IndexOf("@article{key6000,", StringComparison.Ordinal);
        var parts = BibtexParser.Parse("t.bib", text, split, out var joined);
        Assert.True(joined);
        Assert.Equal(Describe(BibtexParser.Parse("t.bib", text, -1, out _)), Describe(parts));
        Assert.Equal("Journal 6000", parts.Entries[6000].Fields["journal"]);
        Assert.Equal(3, parts.Diagnostics.Count(d => d.Code == "bib-undefined-macro"));
    }

    [Fact]
    public void A_macro_defined_after_its_use_across_the_split()
    {
        const string text = """
            @article{a, journal = later, title = {A}}
            @article{b, journal = later # { x}, title = {B}}
            @string{later = {Later}}
            @article{c, journal = later, title = {C}}
            """;
        AssertSameAtEveryEntryLine(text, expectJoined: 3);
        var file = BibtexParser.Parse("t.bib", text, text.IndexOf("@string", StringComparison.Ordinal), out _);
        Assert.Single(file.Diagnostics, d => d.Code == "bib-macro-order");
        Assert.False(file.Bibtex!.Reusable);
    }

    [Fact]
    public void Duplicate_keys_and_alias_clashes_across_the_parts()
    {
        const string text = """
            @article{Dup, title = {First}, ids = {alias1}}
            @article{other, title = {O}}
            @article{dup, title = {Second}}
            @article{alias1, title = {Clash with an alias}}
            @article{third, title = {T}, ids = {other, fresh}}
            @article{DUP, title = {Third}}
            """;
        AssertSameAtEveryEntryLine(text, expectJoined: 5);
        var file = BibtexParser.Parse("t.bib", text, text.IndexOf("@article{dup", StringComparison.Ordinal), out var joined);
        Assert.True(joined);
        Assert.Equal(["Dup", "other", "alias1", "third"], file.Entries.Select(e => e.Key));
        Assert.Equal(2, file.Diagnostics.Count(d => d.Message.StartsWith("duplicate key", StringComparison.Ordinal) && d.Message.Contains("line 1,", StringComparison.Ordinal)));
    }

    [Fact]
    public void An_unclosed_brace_just_before_the_split()
    {
        const string text = "@article{a, title = {Open\n@article{b, title = {B}}\n@article{c, title = \"open\n@article{d, title = {D}} junk\n@misc(e, title = {E})\n";
        AssertSameAtEveryEntryLine(text, expectJoined: 4);
        var file = BibtexParser.Parse("t.bib", text, text.IndexOf("@article{b", StringComparison.Ordinal), out _);
        Assert.Contains(file.Diagnostics, d => d.Message.EndsWith("on line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Crossref_and_xdata_into_the_other_part()
    {
        const string text = """
            @inproceedings{child1, crossref = {parent2}, title = {C1}}
            @proceedings{parent1, title = {Proceedings One}, year = {2001}, publisher = {P}}
            @xdata{shared, publisher = {Shared Press}}
            @inproceedings{child2, crossref = {parent1}, xdata = {shared}, title = {C2}}
            @proceedings{parent2, title = {Proceedings Two}, year = {2002}}
            @inproceedings{child3, crossref = {missing}}
            """;
        AssertSameAtEveryEntryLine(text, expectJoined: 5);
        var file = BibtexParser.Parse("t.bib", text, text.IndexOf("@proceedings{parent2", StringComparison.Ordinal), out _);
        Assert.Equal("Proceedings Two", file.Entries[0].Venue);
    }

    [Fact]
    public void Keys_and_aliases_of_either_part_resolve_crossrefs_of_the_other()
    {
        // After the join each part's keys live in that part's own map: every lookup must still see both.
        const string text = """
            @inproceedings{early, crossref = {LATE-ALIAS}, title = {E}}
            @proceedings{host, ids = {hostalias}, title = {Host Proceedings}, year = {1999}}
            @inproceedings{mid, crossref = {Late}, title = {M}}
            @proceedings{late, ids = {late-alias, hostalias}, title = {Late Proceedings}, year = {2020}}
            @inproceedings{child, crossref = {HOSTALIAS}, title = {C}}
            @misc{HOST, title = {A duplicate of the first part's key, in any case}}
            """;
        AssertSameAtEveryEntryLine(text, expectJoined: 5);
        var file = BibtexParser.Parse("t.bib", text, text.IndexOf("@proceedings{late", StringComparison.Ordinal), out var joined);
        Assert.True(joined);
        Assert.Equal(["Late Proceedings", "Late Proceedings", "Host Proceedings"], file.Entries.Where(e => e.Type == "inproceedings").Select(e => e.Venue));
        Assert.DoesNotContain(file.Entries, e => e.Key == "HOST");
        Assert.Contains(file.Diagnostics, d => d.Message.StartsWith("alias 'hostalias' of 'late'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_re_parse_after_a_split_parse_is_exactly_a_full_parse()
    {
        var (path, text, _) = CorpusBib.Parse();
        var split = BibtexParser.Parse(path, text, text.IndexOf("\n@", text.Length / 2, StringComparison.Ordinal) + 1, out var joined);
        Assert.True(joined);
        var at = text.IndexOf("title", text.Length / 3, StringComparison.OrdinalIgnoreCase);
        at = text.IndexOf('{', at) + 1;
        var edited = text[..at] + "Edited " + text[at..];
        var file = BibReparser.TryReparse(split, split.Bibtex!, edited);
        Assert.NotNull(file);
        Assert.Equal(BibDescription.Of(BibtexParser.Parse(path, edited, -1, out _)), BibDescription.Of(file));
    }

    [Fact]
    public void Small_texts_are_not_split_and_big_ones_are_split_in_parts_that_start_entry_lines()
    {
        var (_, text, _) = CorpusBib.Parse();
        Assert.Empty(BibtexParser.SplitPoints(text, 16));
        var big = string.Concat(Enumerable.Repeat(text, 1 + (4 << 20) / text.Length));
        var split = Assert.Single(BibtexParser.SplitPoints(big, 2));
        Assert.InRange(split, big.Length / 2, big.Length * 3 / 4);
        Assert.True(BibScanner.StartsEntryLine(big, split));
        Assert.Single(BibtexParser.SplitPoints(big, 16)); // parts of at least 2 MB
        var bigger = string.Concat(Enumerable.Repeat(big, 4));
        var splits = BibtexParser.SplitPoints(bigger, 4);
        Assert.Equal(3, splits.Length);
        for (var p = 1; p <= 3; p++) Assert.InRange(splits[p - 1], bigger.Length * p / 4, bigger.Length * (2 * p + 1) / 8);
        Assert.All(splits, s => Assert.True(BibScanner.StartsEntryLine(bigger, s)));
        var file = BibtexParser.Parse("big.bib", bigger, splits, out var joined);
        Assert.True(joined);
        Assert.Equal(Describe(BibtexParser.Parse("big.bib", bigger, -1, out _)), Describe(file));
    }

    [Fact]
    public void Any_three_parts_of_a_tricky_text_give_exactly_one_scan()
    {
        const string text = """
            @string{j = {Journal One}}
            @article{Dup, title = {First}, ids = {alias1}, journal = j}
            @inproceedings{child1, crossref = {parent2}, title = {C1}, note = later}
            @article{dup, title = {Second}}
            @string{later = {Later}}
            @proceedings{parent2, title = {Proceedings Two}, year = {2002}, month = jan}
            @article{alias1, title = {Clash with an alias} # later}
            @article{c, title = {Open
            @article{third, title = {T}, ids = {other, fresh}, journal = j # { two}}
            @article{DUP, title = {Third}, note = undefinedthing}
            @article{other, title = {O}, crossref = {FRESH}}
            """;
        var expected = Describe(BibtexParser.Parse("t.bib", text, -1, out _));
        var lines = Enumerable.Range(1, text.Length - 1).Where(i => BibScanner.StartsEntryLine(text, i)).ToList();
        var joined = 0;
        foreach (var a in lines)
            foreach (var b in lines.Where(b => b > a))
            {
                var parts = BibtexParser.Parse("t.bib", text, [a, b], out var wasJoined);
                if (wasJoined) joined++;
                Assert.True(expected.SequenceEqual(Describe(parts)), $"split at {a}, {b} (joined: {wasJoined}): {FirstDifference(expected, Describe(parts))}");
            }
        Assert.True(joined >= 10, $"only {joined} splits joined");
    }

    /// <summary>Entries are built on all cores with one memo: a name or venue written alike is one object throughout (one
    /// memo per core kept a copy per core; a million-entry library names the same people thousands of times).</summary>
    [Fact]
    public void Names_and_venues_written_alike_are_one_object_across_the_parts()
    {
        var text = string.Concat(Enumerable.Range(0, 20_000).Select(i =>
            $"@article{{k{i}, author = {{Nakkiran, Preetum and {(i % 2 == 0 ? "Kaplun, Gal" : "Gal Kaplun")}}}, journal = {{J. Stat. Mech.}}, title = {{T{i}}}}}\n"));
        var file = BibtexParser.Parse("t.bib", text);
        Assert.Equal(20_000, file.Entries.Count);
        Assert.Single(file.Entries.Select(e => e.Authors[0]).Distinct(ReferenceEqualityComparer.Instance));
        Assert.Equal(2, file.Entries.Select(e => e.Authors[1]).Distinct(ReferenceEqualityComparer.Instance).Count()); // spelled two ways
        Assert.Single(file.Entries.Select(e => e.Venue).Distinct(ReferenceEqualityComparer.Instance));
    }

    /// <summary>Splits at every line that starts an entry; at least <paramref name="expectJoined"/> must join.</summary>
    private static void AssertSameAtEveryEntryLine(string text, int expectJoined)
    {
        var expected = Describe(BibtexParser.Parse("t.bib", text, -1, out _));
        var joined = 0;
        for (var i = 1; i < text.Length; i++)
        {
            if (!BibScanner.StartsEntryLine(text, i)) continue;
            var parts = BibtexParser.Parse("t.bib", text, i, out var wasJoined);
            if (wasJoined) joined++;
            Assert.True(expected.SequenceEqual(Describe(parts)), $"split at {i} (joined: {wasJoined}): {FirstDifference(expected, Describe(parts))}");
        }
        Assert.True(joined >= expectJoined, $"only {joined} splits joined");
    }

    private static List<string> Describe(CatalogFile file) => [.. BibDescription.Of(file), .. BibDescription.State(file)];

    private static string FirstDifference(List<string> expected, List<string> actual)
    {
        var i = 0;
        while (i < expected.Count && i < actual.Count && expected[i] == actual[i]) i++;
        return $"line {i}: expected «{(i < expected.Count ? expected[i] : "(end)")}», got «{(i < actual.Count ? actual[i] : "(end)")}»";
    }
}
