using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;

namespace CiteLsp.Tests.Bibliography;

/// <summary>
/// A reload re-uses the previous catalog's key maps (shared when keys are unchanged, patched when a few entries got
/// new keys): every lookup must then answer exactly as a catalog built from scratch.
/// </summary>
public class CatalogUpdateTests
{
    [Theory]
    [InlineData(CorpusBib.Library)]
    [InlineData("bib/tricky/biber/crossrefs.bib")]
    public void Key_maps_updated_after_key_edits_answer_like_a_fresh_build(string relative)
    {
        var (_, text, file) = CorpusBib.Parse(relative);
        var catalog = Catalog.Build([file]);
        // Updated the same way, but never asked a case-insensitive lookup until the end: its map is made then.
        var neverAsked = catalog;
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var random = new Random(relative.Length);
        var kinds = new HashSet<string>();
        for (var step = 0; step < 30; step++)
        {
            var oldKeys = file.Entries.Select(e => e.Key).ToList();
            var target = file.Entries[random.Next(file.Entries.Count)];
            var newKey = random.Next(5) switch
            {
                0 => oldKeys[random.Next(oldKeys.Count)], // collides with another entry
                1 => target.Key.ToUpperInvariant(), // case only
                _ => $"renamed{step}x{random.Next(1000)}",
            };
            var at = target.KeyLocation.Start;
            text = text[..at] + newKey + text[(at + target.KeyLocation.Length)..];
            file = BibtexParser.Reparse(file, text);
            var updated = Catalog.Build([file], catalog);
            neverAsked = Catalog.Build([file], neverAsked);
            var fresh = Catalog.Build([file]);
            kinds.Add(updated.KeyMaps);

            Assert.Equal(fresh.Entries, updated.Entries);
            foreach (var key in oldKeys.Concat(file.Entries.Select(e => e.Key)).Concat(file.Entries.SelectMany(e => e.Aliases)).Append(newKey).Append(target.Key))
            {
                keys.Add(key);
                Assert.Same(fresh.Find(key), updated.Find(key));
                Assert.Same(fresh.FindIgnoreCase(key), updated.FindIgnoreCase(key));
                Assert.Same(fresh.FindIgnoreCase(key.ToUpperInvariant()), updated.FindIgnoreCase(key.ToUpperInvariant()));
            }
            catalog = updated;
        }
        var last = Catalog.Build([file]);
        foreach (var key in keys)
        {
            Assert.Same(last.Find(key), neverAsked.Find(key));
            Assert.Same(last.FindIgnoreCase(key.ToUpperInvariant()), neverAsked.FindIgnoreCase(key.ToUpperInvariant()));
            Assert.Same(last.FindIgnoreCase(key), neverAsked.FindIgnoreCase(key));
        }
        if (relative == CorpusBib.Library) Assert.Contains("patched", kinds); // the path under test was taken
    }

    [Fact]
    public void An_edit_inside_an_entry_re_points_its_key_and_an_unchanged_file_shares_the_maps()
    {
        var (_, text, file) = CorpusBib.Parse();
        var catalog = Catalog.Build([file]);
        var at = text.IndexOf("title", file.Entries[10].Location.Start, StringComparison.OrdinalIgnoreCase);
        var edited = BibtexParser.Reparse(file, text[..at] + "note = {x},\n  " + text[at..]);

        var updated = Catalog.Build([edited], catalog);

        Assert.Equal("patched", updated.KeyMaps);
        Assert.Equal("x", updated.Find(file.Entries[10].Key)!.Fields["note"]);
        Assert.Same(edited.Entries[10], updated.FindIgnoreCase(file.Entries[10].Key.ToUpperInvariant()));
        Assert.False(catalog.Find(file.Entries[10].Key)!.Fields.ContainsKey("note")); // the old catalog is unchanged
        Assert.Equal("shared", Catalog.Build([edited], updated).KeyMaps);
    }

    /// <summary>A huge library's reload gives every entry a new object (its new place in the file): the maps are built
    /// afresh, not copied and re-pointed key by key.</summary>
    [Fact]
    public void Maps_are_built_afresh_when_most_entries_are_other_objects()
    {
        var (_, _, file) = CorpusBib.Parse();
        var catalog = Catalog.Build([file]);
        var moved = file with { Entries = [.. file.Entries.Select(e => e with { Location = e.Location with { Start = e.Location.Start + 1 } })] };

        var updated = Catalog.Build([moved], catalog);

        Assert.Equal("built", updated.KeyMaps);
        Assert.All(moved.Entries, e => Assert.Same(e, updated.Find(e.Key)));
        var one = file with { Entries = [.. file.Entries.Select((e, i) => i == 10 ? e with { Title = "x" } : e)] };
        Assert.Equal("patched", Catalog.Build([one], catalog).KeyMaps); // a few: re-pointed
    }

    [Fact]
    public void Seed_keys_carry_over_reloads_until_a_new_entry_takes_one()
    {
        CatalogFile[] seeds = [CatalogLoader.Load(TestPaths.SeedProfile), CatalogLoader.Load(TestPaths.SeedListing)];
        var (_, text, file) = CorpusBib.Parse();
        var catalog = Catalog.Build([file, .. seeds]);
        var seed = catalog.Entries[^1]; // a generated key

        var at = text.IndexOf("title", file.Entries[5].Location.Start, StringComparison.OrdinalIgnoreCase);
        file = BibtexParser.Reparse(file, text = text[..at] + "note = {x},\n  " + text[at..]);
        var edited = Catalog.Build([file, .. seeds], catalog);
        Assert.Same(seed, edited.Find(seed.Key)); // made once, carried over
        AssertLikeFresh(edited, [file, .. seeds]);

        file = BibtexParser.Reparse(file, text = text.Insert(file.Entries[9].Location.End, $"\n@misc{{{seed.Key}, title = {{Taken}}}}\n"));
        var taken = Catalog.Build([file, .. seeds], edited);
        Assert.Equal("Taken", taken.Find(seed.Key)!.Title);
        Assert.Equal(seed.Title, taken.Entries.Single(e => e.Key.StartsWith(seed.Key, StringComparison.Ordinal) && e.Key != seed.Key).Title);
        AssertLikeFresh(taken, [file, .. seeds]);
    }

    private static void AssertLikeFresh(Catalog catalog, IReadOnlyList<CatalogFile> files)
    {
        var fresh = Catalog.Build(files);
        Assert.Equal(fresh.Entries.Select(e => (e.Key, e.Title)), catalog.Entries.Select(e => (e.Key, e.Title)));
        foreach (var e in fresh.Entries) Assert.Equal(e.Title, catalog.Find(e.Key)?.Title);
    }

    [Fact]
    public void A_librarys_view_with_the_seeds_extends_the_librarys_catalog_and_answers_like_a_fresh_build()
    {
        CatalogFile[] seeds = [CatalogLoader.Load(TestPaths.SeedProfile), CatalogLoader.Load(TestPaths.SeedListing)];
        var (_, text, file) = CorpusBib.Parse();
        var view = Catalog.Build([file, .. seeds], Catalog.Build([file]));
        Assert.Equal("extended", view.KeyMaps);
        AssertFindsLikeFresh(view, [file, .. seeds]);

        // A reload of the library patches the view's maps: the copy must hold the library's keys and the seeds'.
        var target = file.Entries[7];
        var at = target.KeyLocation.Start;
        file = BibtexParser.Reparse(file, text[..at] + "renamedSeven" + text[(at + target.KeyLocation.Length)..]);
        var reloaded = Catalog.Build([file, .. seeds], view);
        Assert.Equal("patched", reloaded.KeyMaps);
        AssertFindsLikeFresh(reloaded, [file, .. seeds]);
        Assert.Null(reloaded.Find(target.Key));
    }

    [Theory]
    [InlineData("key")]   // the library has the key a seed would get: the seed gets another
    [InlineData("alias")] // the library has it as an alias: the seed's key wins, as in a fresh build
    public void A_seed_key_taken_by_the_library_resolves_as_in_a_fresh_build(string how)
    {
        CatalogFile[] seeds = [CatalogLoader.Load(TestPaths.SeedProfile), CatalogLoader.Load(TestPaths.SeedListing)];
        var (_, text, file) = CorpusBib.Parse();
        var seedKey = Catalog.Build([file, .. seeds]).Entries[^1].Key;
        var taker = how == "key" ? $"@misc{{{seedKey}, title = {{Taken}}}}" : $"@misc{{aliasHolder, ids = {{{seedKey}}}, title = {{Taken}}}}";
        file = BibtexParser.Reparse(file, text + "\n" + taker + "\n");

        var view = Catalog.Build([file, .. seeds], Catalog.Build([file]));

        AssertFindsLikeFresh(view, [file, .. seeds]);
        Assert.Equal(how == "key" ? "Taken" : seeds.SelectMany(s => s.Entries).First(e => view.Find(seedKey)!.Title == e.Title).Title, view.Find(seedKey)!.Title);
    }

    /// <summary>Every key, alias and case-folded key resolves to the entry (by key and title) a fresh build gives.</summary>
    private static void AssertFindsLikeFresh(Catalog catalog, IReadOnlyList<CatalogFile> files)
    {
        AssertLikeFresh(catalog, files);
        var fresh = Catalog.Build(files);
        foreach (var key in fresh.Entries.SelectMany(e => e.Aliases.Prepend(e.Key)).Concat(files.SelectMany(f => f.Entries).Select(e => e.Key)))
        {
            Assert.Equal((fresh.Find(key)?.Key, fresh.Find(key)?.Title), (catalog.Find(key)?.Key, catalog.Find(key)?.Title));
            Assert.Equal(fresh.FindIgnoreCase(key.ToUpperInvariant())?.Key, catalog.FindIgnoreCase(key.ToUpperInvariant())?.Key);
        }
    }
}
