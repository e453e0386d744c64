using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Tests.Search;

public class SearchIndexUpdateTests
{
    [Theory]
    [InlineData(1, 0)]        // the public threshold: deltas fold into full builds now and then
    [InlineData(2, 400)]      // long chains: a large delta, many tombstones
    public void Chained_updates_search_exactly_as_a_full_build(int seed, int maxDelta)
    {
        var rng = new Random(seed);
        var graveyard = new List<Entry>();
        var list = IndexEdits.Corpus(300);
        var index = SearchIndex.Build(list);
        var incremental = 0;
        for (var step = 0; step < 24; step++)
        {
            for (var k = rng.Next(1, 4); k > 0; k--) list = IndexEdits.Edit(list, rng, graveyard);
            index = maxDelta == 0 ? index.Update(list) : IndexUpdater.Update(index, list, maxDelta, default);
            if (index.Layout.IdOf is not null) incremental++;
            Assert.Same(list, index.Entries);
            IndexEdits.AssertSame(SearchIndex.Build(list), index, list, new Random(step), graveyard, $"seed {seed} step {step}");
        }
        Assert.True(incremental > 16, $"only {incremental} of 24 updates were incremental");
    }

    [Fact]
    public void Unchanged_entries_are_reused_and_changed_ones_go_to_a_small_delta()
    {
        var list = IndexEdits.Corpus(300);
        var index = SearchIndex.Build(list);
        var next = list.Select(e => e with { }).ToList();
        next[10] = IndexEdits.Hashed(next[10] with { Title = "Quasiperiodic zebras" });
        var updated = index.Update(next);
        Assert.Equal(list.Count + 1, updated.Layout.IdCount); // one tombstone, one delta entry
        Assert.Same(next[10], updated.Search("quasiperiodic zebras", 5).Single().Entry);
        Assert.DoesNotContain(updated.Search(list[10].Title, 5), h => ReferenceEquals(h.Entry, list[10]));
    }

    [Fact]
    public void Large_changes_and_missing_hashes_fall_back_to_a_full_build()
    {
        var list = IndexEdits.Corpus(300);
        var index = SearchIndex.Build(list);
        Assert.Null(index.Update(list.Select(e => e with { ContentHash = 0 }).ToList()).Layout.IdOf);
        var shuffled = list.Select(e => IndexEdits.Hashed(e with { Title = e.Title + " again" })).ToList();
        Assert.Null(index.Update(shuffled).Layout.IdOf);
        Assert.Empty(index.Update([]).Entries);
    }

    [Fact]
    public void The_same_entries_in_another_list_keep_the_whole_index()
    {
        var list = IndexEdits.Corpus(300);
        var graveyard = new List<Entry>();
        var index = IndexUpdater.Update(SearchIndex.Build(list), IndexEdits.Edit(list, new Random(3), graveyard), 400, default);
        var same = index.Entries.ToList();
        var updated = index.Update(same);
        Assert.Same(same, updated.Entries);
        Assert.Same(index.Layout.Terms, updated.Layout.Terms);
        Assert.Same(index.Layout.Keys, updated.Layout.Keys);
        IndexEdits.AssertSame(SearchIndex.Build(same), updated, same, new Random(4), graveyard, "same entries");
    }

    [Theory]
    [InlineData("array", 0)]
    [InlineData("list", 0)]
    [InlineData("read-only", 0)]
    [InlineData("array", 1)]  // the first two swapped: no entry keeps its place
    [InlineData("list", 140)] // one in the middle swapped with the next
    public void Entries_added_after_the_indexed_ones_search_as_a_full_build(string kind, int swapAt)
    {
        // A library's view adding the seed catalog: the old entries keep their ids and places and go in by one bulk copy.
        var all = IndexEdits.Corpus(300);
        var index = SearchIndex.Build(all.Take(all.Count - 20).ToList());
        var reordered = all.ToList();
        if (swapAt > 0) (reordered[swapAt - 1], reordered[swapAt]) = (reordered[swapAt], reordered[swapAt - 1]);
        IReadOnlyList<Entry> entries = kind switch
        {
            "array" => reordered.ToArray(),
            "list" => reordered,
            _ => reordered.AsReadOnly(),
        };

        var updated = index.Update(entries);

        Assert.NotNull(updated.Layout.Terms.Delta); // an update, not a rebuild
        Assert.Same(index.Layout.Terms.Base, updated.Layout.Terms.Base);
        for (var i = 0; i < entries.Count; i++) Assert.Same(entries[i], updated.Layout.ById[updated.Layout.IdAt(i)]);
        // Nothing moved: ids stay positions. Every old key stays: they are not copied.
        Assert.Equal(swapAt == 0, updated.Layout.IdOf is null);
        Assert.False(updated.Layout.Keys.Folded.IsFlat);
        IndexEdits.AssertSame(SearchIndex.Build(entries), updated, reordered, new Random(swapAt), [], $"{kind} swapped at {swapAt}");
    }

    [Fact]
    public void Keys_placed_among_the_old_ones_order_as_a_full_build_orders_them()
    {
        // Equal folded keys across the two ("smith2019" ×4) and at both ends of the table.
        string[] old = ["smith2019", "Smith:2019", "mmm", "zeta", "b"];
        string[] added = ["smith-2019", "SMITH2019", "aaa", "zzz", "mmm", "a"];
        var entries = old.Concat(added).Select((key, i) => new Entry { Key = key, Title = $"Title {i}" }).ToList();
        var updated = SearchIndex.Build(entries.Take(old.Length).ToList()).Update(entries);
        var full = SearchIndex.Build(entries);

        Assert.False(updated.Layout.Keys.Folded.IsFlat);
        var (a, b) = (updated.Layout.Keys, full.Layout.Keys);
        Assert.Equal(Enumerable.Range(0, b.Folded.Count).Select(i => b.Folded[i].ToString()), Enumerable.Range(0, a.Folded.Count).Select(i => a.Folded[i].ToString()));
        Assert.Equal(b.EntryIds, a.EntryIds);
        Assert.Equal(b.Ties, a.Ties);
        Assert.Equal(full.Search("", 20).Select(h => h.Entry.Key), updated.Search("", 20).Select(h => h.Entry.Key));
    }

    [Fact]
    public void An_index_that_appended_entries_updates_again_as_a_full_build()
    {
        var list = IndexEdits.Corpus(300);
        var index = SearchIndex.Build(list.Take(list.Count - 20).ToList()).Update(list);
        Assert.False(index.Layout.Keys.Folded.IsFlat);
        var (rng, graveyard) = (new Random(11), new List<Entry>());
        for (var step = 0; step < 6; step++)
        {
            list = IndexEdits.Edit(list, rng, graveyard);
            index = IndexUpdater.Update(index, list, 400, default);
            Assert.NotNull(index.Layout.Terms.Delta);
            IndexEdits.AssertSame(SearchIndex.Build(list), index, list, new Random(step), graveyard, $"step {step}");
        }
    }
}
