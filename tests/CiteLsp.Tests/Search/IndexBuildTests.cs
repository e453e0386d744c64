using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;
using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Search;

/// <summary>The build's shortcuts (people and venues tokenized once, keys folded once and sorted on a packed prefix,
/// its own term table) give exactly the index of the plain definitions.</summary>
public class IndexBuildTests
{
    [Fact]
    public void People_and_venues_shared_between_entries_index_as_separate_copies_do()
    {
        var parsed = CatalogLoader.Load(TestPaths.CorpusFile("bib/large/cdl.bib")).Entries;
        // One object per distinct person and venue, as a lean library keeps them; the library twice (other keys), so
        // that most are met again.
        var people = new Dictionary<Person, Person>();
        var venues = new Dictionary<string, string>(StringComparer.Ordinal);
        var shared = parsed.Concat(parsed.Select(e => e with { Key = e.Key + "-again" }))
            .Select(e => e with
            {
                Authors = e.Authors.Select(p => people.TryAdd(p, p) ? p : people[p]).ToArray(),
                Venue = e.Venue is { } v ? venues.TryAdd(v, v) ? v : venues[v] : null,
            }).ToList();
        var copies = shared.Select(e => e with { Authors = e.Authors.Select(p => p with { }).ToArray(), Venue = e.Venue is { } v ? new string(v.AsSpan()) : null }).ToList();

        Assert.True(new ForwardPass(shared, 0, shared.Count, true, null, default).MemoHits > shared.Count, "the memo was not used");
        Assert.Equal(0, new ForwardPass(copies, 0, copies.Count, true, null, default).MemoHits);
        Assert.Equal(CacheForm(SearchIndex.Build(copies)), CacheForm(SearchIndex.Build(shared)));
    }

    /// <summary>The forward passes run over ranges of entries at once and are inverted on all cores: however many, the
    /// terms and postings are one pass's.</summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    public void Any_number_of_passes_inverts_to_one_pass_s_dictionary(int passes)
    {
        var entries = CatalogLoader.Load(TestPaths.CorpusFile("bib/large/cdl.bib")).Entries;
        var one = SearchIndexBuilder.Invert([new ForwardPass(entries, 0, entries.Count, true, null, default)]);
        var parts = SearchIndexBuilder.Invert([.. Enumerable.Range(0, passes).Select(p =>
            new ForwardPass(entries, entries.Count * p / passes, entries.Count * (p + 1) / passes, true, null, default))]);
        Assert.Equal(one.Terms, parts.Terms);
        Assert.Equal(one.PostStart, parts.PostStart);
        Assert.Equal(one.Postings, parts.Postings);
    }

    /// <summary>A pass's codes take one to five bytes each, by the size of the term id: more distinct terms than three
    /// bytes hold, and a term met again in its entry under a heavier or a lighter field, invert to what the entries say.</summary>
    [Fact]
    public void Codes_of_every_length_invert_to_each_term_s_entries_and_heaviest_field()
    {
        const int Count = 300_000; // each entry's title word is its own term: ids past 2^18 take four bytes
        var random = new Random(7);
        // A few one-byte codes more in each title, so that codes start anywhere in a chunk (no filler has four letters,
        // as the words do).
        string[] fillers = ["common", "deeper", "learning", "of", "the"];
        var entries = Enumerable.Range(0, Count).Select(i => new Entry
        {
            Key = $"{Word(i)}{i}", // the word first as a key part
            // then lighter, as a title word: the key part stays
            Title = $"{Word(i)} common {string.Join(' ', fillers[..random.Next(fillers.Length)])}",
            Authors = i % 2 == 0 ? [new Person(Word(i).ToUpperInvariant(), "")] : [], // or heavier, as first author
        }).ToList();

        var terms = SearchIndexBuilder.Invert([new ForwardPass(entries, 0, Count, false, null, default)]);

        var common = Array.BinarySearch(terms.Terms, "common", StringComparer.Ordinal);
        Assert.Equal(Count, terms.PostStart[common + 1] - terms.PostStart[common]);
        for (var i = 0; i < Count; i++)
        {
            var t = Array.BinarySearch(terms.Terms, Word(i), StringComparer.Ordinal);
            var field = i % 2 == 0 ? PostingField.FirstAuthor : PostingField.KeyPart;
            Assert.True(t >= 0, $"{Word(i)} is not a term");
            Assert.Equal([i << 3 | (int)field], terms.Postings[terms.PostStart[t]..terms.PostStart[t + 1]]);
        }

        // Letters only, so that no word is split into parts that other words share.
        static string Word(int i) => string.Concat(Enumerable.Range(0, 4).Select(d => (char)('a' + i / (int)Math.Pow(26, d) % 26)));
    }

    [Fact]
    public void The_key_table_holds_keys_folded_to_letters_and_digits_in_ordinal_order_then_by_key_then_position()
    {
        string[] tricky =
        [
            "Smith2019", "smith2019", "Smith:2019", "smith-2019", "Smith2019", "Müller2020", "Muller2020", "MÜLLER2020",
            "Straße2001", "Strasse2001", "李2020", "李2019", "Ölçer", "αβγ2020", "a", "A", "a-b", "ab", "abéa", "abèz",
            "abcdefghi", "abcdefgh", "abcdefghij", "abcdefghijA", "abcdefghijX", "abcdefghé", "abcdefghè", "abcdefgh1",
            "abcdefghéa", "abcdefghèz", "z", "Ærø99", "ß", new string('ß', 300) + "x", "Ø" + new string('a', 400),
        ];
        var rng = new Random(5);
        var keys = CatalogLoader.Load(TestPaths.CorpusFile("bib/large/cdl.bib")).Entries.Select(e => e.Key)
            .Concat(tricky).OrderBy(_ => rng.Next()).ToList();
        var entries = keys.Select(k => new Entry { Key = k }).ToList();

        var table = SearchIndex.Build(entries).Layout.Keys;

        var expected = keys.Select((key, i) => (Folded: new string(TextFolding.Fold(key).Where(char.IsLetterOrDigit).ToArray()), Key: key, Id: i))
            .OrderBy(k => k.Folded, StringComparer.Ordinal).ThenBy(k => k.Key, StringComparer.Ordinal).ThenBy(k => k.Id).ToList();
        Assert.Equal(expected.Select(k => k.Folded), Enumerable.Range(0, table.Folded.Count).Select(i => table.Folded[i].ToString()));
        Assert.Equal(expected.Select(k => k.Id), table.EntryIds);
        Assert.Equal(Enumerable.Range(1, expected.Count - 1).Where(i => expected[i].Folded == expected[i - 1].Folded), table.Ties);
    }

    [Fact]
    public void Folded_keys_keep_each_key_whole_when_the_builder_outgrows_its_guess()
    {
        string[] keys = ["", "a", "nakkiran2019", "", new string('x', 100)];
        var builder = new FoldedKeys.Builder(keys.Length, 2);
        foreach (var k in keys) builder.Add(k);

        var folded = builder.Build();

        Assert.Equal(keys, Enumerable.Range(0, folded.Count).Select(i => folded[i].ToString()));
        Assert.Equal(keys.Sum(k => k.Length), folded.Chars.Length);
    }

    [Theory]
    [InlineData(new[] { 0, 3, 2, 4 })] // goes back
    [InlineData(new[] { 1, 4 })] // does not start at 0
    [InlineData(new[] { 0, 3 })] // does not end at the blob's end
    public void Folded_keys_reject_offsets_that_do_not_span_the_blob(int[] starts) =>
        Assert.Throws<ArgumentException>(() => new FoldedKeys("abcd".ToCharArray(), starts));

    [Fact]
    public void The_term_table_gives_each_distinct_term_one_id_in_order_of_first_sight()
    {
        var rng = new Random(7);
        var table = new TermTable();
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < 50_000; i++)
        {
            // Short words over few letters: many repeats, many near-alike terms, and the table grows several times.
            var word = new string(Enumerable.Range(0, rng.Next(1, 6)).Select(_ => (char)('a' + rng.Next(6))).ToArray());
            var known = expected.TryGetValue(word, out var id);
            if (!known) expected.Add(word, id = expected.Count);
            Assert.Equal(id, table.GetOrAdd(word, out var added));
            Assert.Equal(!known, added);
        }
        Assert.Equal(expected.Count, table.Count);
    }

    [Fact]
    public void Terms_with_the_same_hash_keep_their_own_ids()
    {
        var seen = new Dictionary<int, string>();
        (string A, string B)? pair = null;
        for (var i = 0; pair is null; i++)
        {
            var word = i.ToString("x");
            if (seen.TryGetValue(TermTable.Hash(word), out var other)) pair = (other, word);
            else seen.Add(TermTable.Hash(word), word);
        }
        var (a, b) = pair.Value;
        var table = new TermTable();
        Assert.Equal((0, 1, 0, 1), (table.GetOrAdd(a, out _), table.GetOrAdd(b, out _), table.GetOrAdd(a, out _), table.GetOrAdd(b, out _)));
    }

    private static byte[] CacheForm(SearchIndex index)
    {
        using var stream = new MemoryStream();
        index.WriteTo(stream);
        return stream.ToArray();
    }
}
