using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Core.Search;
using CiteLsp.Tests.Search;

namespace CiteLsp.Tests.Bibliography;

/// <summary>
/// The whole reload path the server takes after an exporter rewrites a library (issue 12): incremental re-parse,
/// catalog key maps shared or patched, search index updated. After every rewrite of a chain, the catalog answers
/// and the index searches exactly as ones built from scratch over the same entries.
/// </summary>
public class ReloadPipelineTests
{
    [Fact]
    public void A_chain_of_exporter_rewrites_gives_what_a_fresh_build_gives()
    {
        var (path, text, file) = CorpusBib.Parse();
        var catalog = Catalog.Build([file]);
        var index = SearchIndex.Build(catalog.Entries);
        var random = new Random(12);
        var graveyard = new List<Entry>();
        var (incrementalIndexes, reusedMaps) = (0, 0);
        for (var step = 0; step < 30; step++)
        {
            var target = file.Entries[random.Next(file.Entries.Count)];
            graveyard.Add(target);
            text = Rewrite(text, target, step, random);
            file = BibtexParser.Reparse(file, text);
            catalog = Catalog.Build([file], catalog);
            index = index.Update(catalog.Entries);
            if (catalog.KeyMaps != "built") reusedMaps++;
            if (index.Layout.IdOf is not null) incrementalIndexes++;

            Assert.Equal(Keys(BibtexParser.Parse(path, text)), Keys(file));
            var fresh = Catalog.Build([file]);
            foreach (var key in graveyard.Select(e => e.Key).Concat(file.Entries.Select(e => e.Key)))
                Assert.Same(fresh.Find(key), catalog.Find(key));
            IndexEdits.AssertSame(SearchIndex.Build(catalog.Entries), index, [.. catalog.Entries], new Random(step), graveyard, $"step {step}");
        }
        Assert.True(reusedMaps >= 20, $"key maps re-used only {reusedMaps} times of 30");
        Assert.True(incrementalIndexes >= 20, $"index updated in place only {incrementalIndexes} times of 30");
    }

    /// <summary>What an exporter changes between two exports: a title word, a key, an entry gone or new.</summary>
    private static string Rewrite(string text, Entry target, int step, Random random)
    {
        var (start, length) = (target.Location.Start, target.Location.Length);
        switch (random.Next(4))
        {
            case 0:
                var title = text.IndexOf("title", start, length, StringComparison.OrdinalIgnoreCase);
                var brace = title < 0 ? -1 : text.IndexOf('{', title, start + length - title);
                return brace < 0 ? text : text.Insert(brace + 1, $"Zyzzyva{step} ");
            case 1:
                return text[..target.KeyLocation.Start] + $"renamed{step}" + text[target.KeyLocation.End..];
            case 2:
                return text.Remove(start, length);
            default:
                return text.Insert(start + length, $"\n@article{{added{step}, title = {{Added number {step}}}, author = {{Quux, Ada}}, year = {{2024}}}}\n");
        }
    }

    private static List<string> Keys(CatalogFile file) => [.. file.Entries.Select(e => $"{e.Key} {e.Title} {e.Location}")];
}
