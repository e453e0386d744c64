using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;

namespace CiteLsp.Tests.Search;

public class SearchIndexPersistenceTests
{
    private static byte[] Bytes(SearchIndex index)
    {
        using var stream = new MemoryStream();
        index.WriteTo(stream);
        return stream.ToArray();
    }

    private static SearchIndex? Read(byte[] bytes, IReadOnlyList<Entry> entries) => SearchIndex.ReadFrom(new MemoryStream(bytes), entries);

    /// <summary>A full build, and an updated index (delta, tombstones, moved entries) over the same list.</summary>
    private static (List<Entry> Entries, SearchIndex[] Indexes) Indexes()
    {
        var list = IndexEdits.Corpus(200);
        var full = SearchIndex.Build(list);
        var rng = new Random(5);
        var graveyard = new List<Entry>();
        var edited = list;
        for (var k = 0; k < 12; k++) edited = IndexEdits.Edit(edited, rng, graveyard);
        var updated = IndexUpdater.Update(full, edited, 1000, default);
        Assert.NotNull(updated.Layout.IdOf);
        return (edited, [SearchIndex.Build(edited), updated]);
    }

    [Fact]
    public void A_read_index_searches_exactly_as_the_written_one()
    {
        var (entries, indexes) = Indexes();
        foreach (var index in indexes)
        {
            var read = Read(Bytes(index), entries);
            Assert.NotNull(read);
            Assert.Same(entries, read.Entries);
            IndexEdits.AssertSame(index, read, entries, new Random(1), [], index.Layout.IdOf is null ? "full" : "updated");
            Assert.Equal(Bytes(index), Bytes(read));
        }
    }

    [Fact]
    public void An_index_that_appended_entries_reads_back_as_written()
    {
        var all = IndexEdits.Corpus(200);
        var appended = SearchIndex.Build(all.Take(all.Count - 30).ToList()).Update(all);
        Assert.Null(appended.Layout.IdOf); // ids are positions, and the keys are placed among the old ones
        Assert.False(appended.Layout.Keys.Folded.IsFlat);

        var read = Read(Bytes(appended), all);

        Assert.NotNull(read);
        IndexEdits.AssertSame(appended, read, all, new Random(2), [], "appended");
        Assert.Equal(Bytes(appended), Bytes(read));
    }

    [Fact]
    public void Truncated_data_reads_as_null()
    {
        var (entries, indexes) = Indexes();
        var bytes = Bytes(indexes[1]);
        for (var length = 0; length < bytes.Length; length += 1 + length / 8)
            Assert.Null(Read(bytes[..length], entries));
        Assert.Null(SearchIndex.ReadFrom(new NonSeekable(bytes[..(bytes.Length / 2)]), entries));
        Assert.NotNull(SearchIndex.ReadFrom(new NonSeekable(bytes), entries));
    }

    [Fact]
    public void Garbage_and_corruption_never_throw_and_never_give_an_index_that_throws()
    {
        var (entries, indexes) = Indexes();
        var rng = new Random(9);
        var garbage = new byte[5000];
        rng.NextBytes(garbage);
        Assert.Null(Read(garbage, entries));
        Assert.Null(Read([], entries));
        foreach (var index in indexes)
        {
            var bytes = Bytes(index);
            for (var trial = 0; trial < 300; trial++)
            {
                var copy = (byte[])bytes.Clone();
                for (var k = rng.Next(1, 4); k > 0; k--) copy[rng.Next(copy.Length)] ^= (byte)(1 << rng.Next(8));
                var read = Read(copy, entries);
                if (read is null) continue;
                foreach (var q in (string[])["", "a", "zxy", "crypt", "kapdoub", "2019", "protcol"]) read.Search(q, 20);
            }
        }
    }

    [Fact]
    public void Data_written_for_other_entries_reads_as_null()
    {
        var (entries, indexes) = Indexes();
        var bytes = Bytes(indexes[0]);
        Assert.Null(Read(bytes, entries.Skip(1).ToList()));
        Assert.Null(Read(bytes, [.. entries, entries[0] with { Key = "extra" }]));
        var renamed = entries.ToList();
        renamed[7] = renamed[7] with { Key = renamed[7].Key + "b" };
        Assert.Null(Read(bytes, renamed));
        Assert.NotNull(Read(bytes, entries.Select(e => e with { }).ToList()));
    }

    /// <summary>A pipe-like stream: no length, no seeking.</summary>
    private sealed class NonSeekable(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    }
}
