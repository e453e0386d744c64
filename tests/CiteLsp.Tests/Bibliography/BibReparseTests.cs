using CiteLsp.Fuzz.Harnesses;
using CiteLsp.Core.Bibliography;
using System.Text.RegularExpressions;
using CiteLsp.Core.Bibliography.Bibtex;

namespace CiteLsp.Tests.Bibliography;

/// <summary>
/// A reload re-scans only the changed part of a .bib (issue 12): over chains of random edits of real files, the
/// result must be exactly what a full parse of the new text gives, and the shortcut must actually be taken.
/// </summary>
public class BibReparseTests
{
    public static TheoryData<string> Files => new()
    {
        "large/jgrey4296-main-2025.bib", "exports/acmart-sample-base.bib", "large/bbt-jabref-groups-97.bib",
        "exports/PaglioneBibTeX.bib", "tricky/biber/names.bib", "tricky/biber/crossrefs.bib", "exports/bbt-discarded-873.bib",
    };

    [Theory]
    [MemberData(nameof(Files))]
    public void Random_edit_chains_give_exactly_a_full_parse(string relative)
    {
        var (path, text, previous) = CorpusBib.Parse("bib/" + relative);
        var random = new Random(relative.Length * 7919);
        var shortcuts = 0;
        for (var step = 0; step < 40; step++)
        {
            text = Edit(text, random);
            var full = BibtexParser.Parse(path, text);
            var incremental = previous.Bibtex is { Reusable: true } state ? BibReparser.TryReparse(previous, state, text) : null;
            if (incremental is not null)
            {
                shortcuts++;
                Assert.Equal(Describe(full), Describe(incremental));
            }
            Assert.Equal(Describe(full), Describe(BibtexParser.Reparse(previous, text)));
            previous = incremental ?? full;
        }
        // Most edits of these files are in plain entries: a reparse that always fell back would not be tested.
        Assert.True(shortcuts >= 10, $"only {shortcuts} of 40 edits took the incremental path");
    }

    [Fact]
    public void One_changed_title_rescans_one_entry_and_moves_the_rest()
    {
        var (path, text, old) = CorpusBib.Parse();
        var target = old.Entries[old.Entries.Count / 2];
        var at = text.IndexOf('{', target.Location.Start + target.Key.Length + 3);
        var edited = text[..(at + 1)] + "Inserted words " + text[(at + 1)..];
        var state = old.Bibtex!;
        Assert.True(state.Reusable);
        var file = BibReparser.TryReparse(old, state, edited);
        Assert.NotNull(file);
        Assert.Equal(Describe(BibtexParser.Parse(path, edited)), Describe(file));
        var changed = file.Entries.Where((e, i) => e.ContentHash != old.Entries[i].ContentHash).Select(e => e.Key).ToList();
        Assert.Equal([target.Key], changed);
    }

    [Fact]
    public void An_old_parse_still_reads_its_entries_after_handing_its_text_over()
    {
        var (path, text, old) = CorpusBib.Parse();
        var before = Describe(old);
        var target = old.Entries.Count / 2;
        var at = text.IndexOf('{', old.Entries[target].Location.Start + old.Entries[target].Key.Length + 3);
        var value = old.Entries[target].Fields.First().Value;
        var edited = text[..(at + 1)] + "Replaced" + text[(at + 4)..]; // the first value's first 3 characters

        var file = BibReparser.TryReparse(old, old.Bibtex!, edited);

        Assert.NotNull(file);
        Assert.True(old.Bibtex!.Source.HandedOver);
        Assert.Same(old.Entries[0], file.Entries[0]); // re-used, not copied
        Assert.Same(old.Entries[^1], file.Entries[^1]);
        // A request still reading the old snapshot sees the same entries and fields, except the changed value, which
        // is gone (never other text); spans are where the entries now are in the file.
        Assert.Equal(before.Where((_, i) => i != target).Select(WithoutSpans), Describe(old).Where((_, i) => i != target).Select(WithoutSpans));
        Assert.NotEqual("", value);
        Assert.Equal("", old.Entries[target].Fields.First().Value);
        Assert.Equal(value, BibtexParser.Parse(path, text).Entries[target].Fields.First().Value);
        Assert.Equal(file.Entries[^1].KeyLocation.Start, old.Entries[^1].KeyLocation.Start);
        Assert.Equal(Describe(BibtexParser.Parse(path, edited)), Describe(file));
    }

    private static string WithoutSpans(string described) => Regex.Replace(described, @"SourceSpan \{[^}]*\}", "span");

    [Fact]
    public void A_version_cut_short_leaves_the_old_parse_whole()
    {
        // The server keeps serving the old parse when a new one lost entries and has new errors (a file caught
        // mid-write), so the old entries must keep their text.
        var (path, text, old) = CorpusBib.Parse();
        var before = Describe(old);
        var cut = text[..text.IndexOf("title", text.Length / 2, StringComparison.OrdinalIgnoreCase)];

        var file = BibReparser.TryReparse(old, old.Bibtex!, cut);

        Assert.NotNull(file);
        Assert.True(file.LooksCutShortAfter(old));
        Assert.False(old.Bibtex!.Source.HandedOver);
        Assert.Equal(before, Describe(old));
        Assert.Equal(Describe(BibtexParser.Parse(path, cut)), Describe(file));
    }

    [Fact]
    public void A_deleted_entry_is_a_plain_edit()
    {
        var (path, text, old) = CorpusBib.Parse();
        var edited = RemoveEntry(text, text.Length / 2);

        var file = BibReparser.TryReparse(old, old.Bibtex!, edited);

        Assert.NotNull(file);
        Assert.Equal(old.Entries.Count - 1, file.Entries.Count);
        Assert.False(file.LooksCutShortAfter(old));
        Assert.True(old.Bibtex!.Source.HandedOver);
        Assert.Equal(Describe(BibtexParser.Parse(path, edited)), Describe(file));
    }

    [Fact]
    public void Long_chains_of_reloads_are_re_pointed_at_the_newest_text()
    {
        var (path, text, file) = CorpusBib.Parse();
        var hops = new List<int>();
        for (var step = 0; step < 40; step++)
        {
            // A word added to a different entry's title each time (the edit Zotero's auto-export makes).
            var e = file.Entries[(step * 37 + 11) % file.Entries.Count];
            var at = text.IndexOf("title", e.Location.Start, e.Location.Length, StringComparison.OrdinalIgnoreCase);
            if (at < 0) continue;
            at = text.IndexOf('{', at) + 1;
            text = text[..at] + $"Step{step} " + text[at..];
            file = BibReparser.TryReparse(file, file.Bibtex!, text) ?? throw new Xunit.Sdk.XunitException($"step {step} fell back");
            hops.Add(file.Bibtex!.Hops);
        }
        Assert.Equal(Describe(BibtexParser.Parse(path, text)), Describe(file));
        Assert.Contains(0, hops); // re-pointed at least once
        Assert.True(hops.Max() >= 10, $"hand-overs chained only {hops.Max()} deep");
    }

    /// <summary>
    /// Entries re-pointed at a newer text (every 16 hand-overs) still find each field by name, also an entry whose
    /// values are all strings made of macros and concatenations (no slice of the text at all).
    /// </summary>
    [Fact]
    public void Re_pointed_entries_still_find_their_fields_by_name()
    {
        var text = "@string{pre = \"Deep \"}\n@article{allstrings, author = \"A\" # \" and B\", title = pre # \"Nets\", year = 20 # \"19\", note = \"x\" # \"y\"}\n"
            + "@article{other, title = {Old}, journal = {J}}\n";
        var file = BibtexParser.Parse("t.bib", text);
        for (var step = 0; step < 20; step++)
        {
            text = text.Replace("title = {Old", $"title = {{Old{step}");
            file = BibReparser.TryReparse(file, file.Bibtex!, text) ?? throw new Xunit.Sdk.XunitException($"step {step} fell back");
            foreach (var entry in file.Entries)
                foreach (var (name, value) in entry.Fields)
                    Assert.True(entry.Fields.TryGetValue(name, out var found) && found == value, $"step {step}: {entry.Key}.{name} not found by name");
        }
        Assert.Contains(file.Entries, e => e.Key == "allstrings" && e.Fields["title"] == "Deep Nets" && e.Fields["note"] == "xy");
    }

    [Fact]
    public void A_line_named_in_a_later_message_moves_with_an_added_entry()
    {
        const string text = "@article{a, title = {A}}\n\n@article{b, title = {Unclosed\n@article{c, title = {C}}\n";
        var old = BibtexParser.Parse("m.bib", text);
        Assert.Contains(old.Diagnostics, d => d.Message.EndsWith("on line 4", StringComparison.Ordinal));
        var edited = text.Insert(text.IndexOf("\n\n", StringComparison.Ordinal) + 1, "@article{new, title = {New}}\n\n");

        var file = BibReparser.TryReparse(old, old.Bibtex!, edited);

        Assert.NotNull(file);
        Assert.Contains(file.Diagnostics, d => d.Message.EndsWith("on line 6", StringComparison.Ordinal));
        Assert.Equal(Describe(BibtexParser.Parse("m.bib", edited)), Describe(file));
    }

    [Fact]
    public void A_macro_change_changes_the_content_hash_of_entries_that_use_it()
    {
        var a = BibtexParser.Parse("m.bib", "@string{j = {Old}}\n@article{k, journal = j, title = {T}}\n");
        var b = BibtexParser.Parse("m.bib", "@string{j = {New}}\n@article{k, journal = j, title = {T}}\n");
        Assert.NotEqual(a.Entries[0].ContentHash, b.Entries[0].ContentHash);
        Assert.Equal("New", BibtexParser.Reparse(a, "@string{j = {New}}\n@article{k, journal = j, title = {T}}\n").Entries[0].Venue);
    }

    /// <summary>A type with no brace looks past line breaks for one (here to the end of the text): that text is its own.</summary>
    [Fact]
    public void Text_added_where_a_type_without_a_brace_looked_is_scanned_again()
    {
        var old = BibtexParser.Parse("m.bib", "@article\n\n");
        var edited = "@article\n\nx";

        Assert.Equal(Describe(BibtexParser.Parse("m.bib", edited)), Describe(BibtexParser.Reparse(old, edited)));
    }

    /// <summary>A key is taken for a field name when an '=' follows it, even on a later line.</summary>
    [Fact]
    public void A_change_on_the_line_after_a_key_decides_again_whether_it_is_a_key()
    {
        var old = BibtexParser.Parse("m.bib", "@misc(fo\n= {x}}\n");
        var edited = "@misc(fo\n8 {x}}\n";

        Assert.Equal(Describe(BibtexParser.Parse("m.bib", edited)), Describe(BibtexParser.Reparse(old, edited)));
    }

    /// <summary>An open quote stops at a line that starts an entry, whose type may have its brace lines later: an edit
    /// there decides again where the quote stopped (found by the fuzz harness bibtex-paths).</summary>
    [Fact]
    public void An_edit_to_the_brace_of_the_entry_line_an_open_value_stopped_at_is_scanned_again()
    {
        var old = BibtexParser.Parse("m.bib", "@preamble{\"open\n@e\n        {x\n");
        var edited = "@preamble{\"open\n@e\n   x\n";

        Assert.Equal(Describe(BibtexParser.Parse("m.bib", edited)), Describe(BibtexParser.Reparse(old, edited)));
    }

    /// <summary>Entries inherit in the order the pass reaches them: an edit to one that inherited can change that order.</summary>
    [Fact]
    public void An_edit_to_an_entry_that_inherited_parses_the_file_again()
    {
        const string text = "@book{x, xdata = {loop}}\n@book{f1, title = {F}}\n@book{f2, title = {F}}\n"
            + "@book{o1, xdata = {missing1}}\n@book{loop, xdata = {missing2}}\n";
        var old = BibtexParser.Parse("m.bib", text);
        var edited = text.Replace("xdata = {loop}", "title = {T}");

        Assert.Null(BibReparser.TryReparse(old, old.Bibtex!, edited));
        Assert.Equal(Describe(BibtexParser.Parse("m.bib", edited)), Describe(BibtexParser.Reparse(old, edited)));
    }

    /// <summary>Edits a writer or an exporter makes: words typed, entries removed or duplicated, braces and junk.</summary>
    private static string Edit(string text, Random random)
    {
        var at = random.Next(text.Length + 1);
        return random.Next(12) switch
        {
            0 => text.Insert(at, "x"),
            1 => at < text.Length ? text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)) : text,
            10 => text.Insert(at, "\r\n"),
            11 => text.Insert(at, "\r"),
            2 => text.Insert(at, "{"),
            3 => text.Insert(at, "}"),
            4 => text.Insert(at, "\n@misc{new" + random.Next(1000) + ", title = {Added}}\n"),
            5 => RemoveEntry(text, at),
            6 => text.Insert(at, "\n"),
            7 => text.Insert(at, "@"),
            8 => text.Insert(at, " word"),
            _ => text,
        };
    }

    private static string RemoveEntry(string text, int at)
    {
        var start = text.LastIndexOf("\n@", Math.Min(at, text.Length - 1), StringComparison.Ordinal);
        var end = start < 0 ? -1 : text.IndexOf("\n@", start + 2, StringComparison.Ordinal);
        return start < 0 || end < 0 ? text : text.Remove(start, end - start);
    }

    private static List<string> Describe(CatalogFile file) => BibDescription.Of(file);
}
