using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Search;
using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Search;

/// <summary>Shared material for the update and persistence tests: a real .bib with content hashes, random edits of it,
/// queries drawn from it, and an exact comparison of two indexes' results.</summary>
internal static class IndexEdits
{
    public static List<Entry> Corpus(int take)
    {
        var file = CatalogLoader.Load(TestPaths.CorpusFile("bib/tricky/cryptobib-crypto_misc.bib"));
        Assert.True(file.Entries.Count >= take, $"corpus has {file.Entries.Count} entries");
        var entries = file.Entries.Take(take).Select(Hashed).ToList();
        // Many terms matching "zxy" as a subsequence, with different scores: exercises the fuzzy-term cap (200).
        var rng = new Random(3);
        for (var i = 0; i < 260; i++)
            entries.Add(Hashed(new Entry { Key = $"synth{i}", Title = $"{Filler(rng)} z{Letters(rng, rng.Next(0, 3))}x{Letters(rng, rng.Next(0, 3))}y{Letters(rng, 2)} study", Date = new PartialDate(2000 + i % 7) }));
        return entries;
    }

    /// <summary>A stand-in for the parser's hash of the source text: everything the index reads.</summary>
    public static Entry Hashed(Entry e)
    {
        var h = new HashCode();
        h.Add(e.Key); h.Add(e.Title); h.Add(e.Year); h.Add(e.Venue); h.Add(e.Abstract);
        foreach (var a in e.Authors) { h.Add(a.Family); h.Add(a.Given); h.Add(a.Literal); }
        return e with { ContentHash = (ulong)(uint)h.ToHashCode() << 8 | 1 };
    }

    /// <summary>One random edit of the kinds a reference manager makes; unchanged entries come back as new objects.</summary>
    public static List<Entry> Edit(List<Entry> list, Random rng, List<Entry> graveyard)
    {
        var next = list.Select(e => rng.Next(4) == 0 ? e with { Location = new SourceSpan("x.bib", rng.Next(1000), 1) } : e).ToList();
        var i = rng.Next(next.Count);
        var e = next[i];
        switch (rng.Next(11))
        {
            case 0: next[i] = Hashed(e with { Title = e.Title + " " + Word(next, rng) }); break;
            case 1: graveyard.Add(e); next.RemoveAt(i); break;
            case 2: next.Insert(rng.Next(next.Count + 1), Hashed(Fresh(next, rng))); break;
            case 3: { var j = rng.Next(next.Count); (next[i], next[j]) = (next[j], next[i]); break; }
            case 4: next[i] = Hashed(e with { Key = rng.Next(2) == 0 ? e.Key.ToUpperInvariant() : e.Key + "x" + rng.Next(10) }); break; // same folded key, or a new one
            case 5: next[i] = Hashed(e with { Date = new PartialDate(rng.Next(3) == 0 ? null : 1990 + rng.Next(35)) }); break;
            case 6: next.Insert(rng.Next(next.Count + 1), Hashed(e with { Key = "dup" + rng.Next(100000) })); break;
            case 7: next.Insert(rng.Next(next.Count + 1), e with { }); break; // the same entry twice, same key and hash
            case 8 when graveyard.Count > 0: next.Insert(rng.Next(next.Count + 1), graveyard[rng.Next(graveyard.Count)]); break;
            case 9: next[i] = e with { Title = "Unhashed " + Word(next, rng), ContentHash = 0 }; break;
            default: // a block moves, as after re-sorting part of the file
                var n = Math.Min(rng.Next(1, 20), next.Count - i);
                var block = next.GetRange(i, n);
                next.RemoveRange(i, n);
                next.InsertRange(rng.Next(next.Count + 1), block);
                break;
        }
        return next;
    }

    public static List<string> Queries(List<Entry> entries, List<Entry> graveyard, Random rng)
    {
        var queries = new List<string> { "", "zxy", "zxyq", "zx", "z", "a", "19", "20", "2019", "kapdoub", "secure protocol", "crypt", "crytpo", "cryptography attack", "zxy study" };
        for (var k = 0; k < 8; k++)
        {
            var source = graveyard.Count > 0 && k % 4 == 0 ? graveyard : entries;
            var e = source[rng.Next(source.Count)];
            var words = e.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TextFolding.AsciiAlnum).Where(w => w.Length >= 3).ToArray();
            var w = words.Length > 0 ? words[rng.Next(words.Length)] : "x";
            var family = e.Authors.Count > 0 ? TextFolding.AsciiAlnum(e.Authors[0].Family) : "y";
            queries.Add(w[..Math.Min(w.Length, 1 + rng.Next(4))]);
            queries.Add(w.Length > 4 ? w[..2] + w[3] + w[2] + w[4..] : w);
            queries.Add($"{family} {e.Year}");
            queries.Add(e.Key[..Math.Min(e.Key.Length, 2 + rng.Next(8))]);
            queries.Add(family[..Math.Min(3, family.Length)] + w[..Math.Min(4, w.Length)]);
        }
        return queries;
    }

    private static IEnumerable<SearchOptions?> Options(List<Entry> entries, Random rng)
    {
        yield return null;
        yield return new SearchOptions { RecentKeys = Enumerable.Range(0, 5).Select(_ => entries[rng.Next(entries.Count)].Key).Distinct().Select((k, r) => (k, r)).ToDictionary(p => p.k, p => p.r) };
        yield return new SearchOptions { Boost = e => e.Key.Length % 3 * 0.01 };
    }

    /// <summary>Same entries (the very objects), scores, highlights and order for every query, limit and option.</summary>
    /// <summary>The same entries in the same order, with the same scores and highlights.</summary>
    public static void AssertSameHits(IReadOnlyList<SearchHit> a, IReadOnlyList<SearchHit> b, string where)
    {
        Assert.True(a.Count == b.Count, $"{where}: {a.Count} vs {b.Count} hits");
        for (var i = 0; i < a.Count; i++)
        {
            Assert.True(ReferenceEquals(a[i].Entry, b[i].Entry), $"{where}: hit {i} is {a[i].Entry.Key} vs {b[i].Entry.Key}");
            Assert.True(a[i].Score == b[i].Score, $"{where}: hit {i} score {a[i].Score} vs {b[i].Score}");
            Assert.True(a[i].Matches.SequenceEqual(b[i].Matches), $"{where}: hit {i} matches differ");
        }
    }

    public static void AssertSame(SearchIndex expected, SearchIndex actual, List<Entry> entries, Random rng, List<Entry> graveyard, string context)
    {
        var options = Options(entries, rng).ToList();
        foreach (var q in Queries(entries, graveyard, rng))
        {
            AssertSamePlans(expected.Layout, actual.Layout, q, context);
            foreach (var (option, limit) in (ReadOnlySpan<(SearchOptions?, int)>)[(null, 3), (null, 100000), (options[1], 40), (options[2], 40)])
            {
                var a = expected.Search(q, limit, option);
                var b = actual.Search(q, limit, option);
                AssertSameHits(a, b, $"{context}, query '{q}', limit {limit}, options {option is not null}");
            }
        }
    }

    /// <summary>What each token matches and its cost (which orders the float sums of token scores) are a full build's.</summary>
    private static void AssertSamePlans(IndexLayout expected, IndexLayout actual, string query, string context)
    {
        var tokens = QueryTokenizer.Split(query, expected.Keys);
        Assert.Equal(tokens, QueryTokenizer.Split(query, actual.Keys));
        foreach (var token in tokens)
            foreach (var prefixOnly in (bool[])[false, true])
            {
                var a = Describe(TokenPlanner.Plan(token, expected.Terms, expected.Keys, expected.ById, expected.PositionOf, prefixOnly), expected);
                var b = Describe(TokenPlanner.Plan(token, actual.Terms, actual.Keys, actual.ById, actual.PositionOf, prefixOnly), actual);
                Assert.True(a == b, $"{context}, token '{token}' (prefix only: {prefixOnly}):\n{a}\nvs\n{b}");
            }
    }

    private static string Describe(TokenPlan plan, IndexLayout layout) =>
        $"cost {plan.Cost} prefix {plan.HasPrefixMatch} typo {plan.HasTypoMatch} terms "
        + string.Join(' ', plan.Terms.Select(t => $"{layout.Terms.TermAt(t.Term)}:{t.Quality}").Distinct().Order(StringComparer.Ordinal))
        + " keys " + string.Join(' ', plan.Keys.Select(k => $"{layout.PositionOf?[k.Entry] ?? k.Entry}:{k.Quality}").Order(StringComparer.Ordinal));

    private static Entry Fresh(List<Entry> entries, Random rng) => new()
    {
        Key = "new" + rng.Next(1_000_000),
        Title = string.Join(' ', Enumerable.Range(0, 4).Select(_ => Word(entries, rng))),
        Authors = entries[rng.Next(entries.Count)].Authors,
        Date = new PartialDate(1980 + rng.Next(45)),
        Venue = entries[rng.Next(entries.Count)].Venue,
    };

    private static string Word(List<Entry> entries, Random rng)
    {
        var words = entries[rng.Next(entries.Count)].Title.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "word" : words[rng.Next(words.Length)];
    }

    private static string Filler(Random rng) => Letters(rng, 6);

    private static string Letters(Random rng, int n) => new([.. Enumerable.Range(0, n).Select(_ => (char)('a' + rng.Next(26)))]);
}
