using System.Text.Json;
using CiteLsp.Core.Search;

namespace CiteLsp.Server.Cli;

/// <summary>citelsp search QUERY [--catalog FILE…] [--limit N] [--json]: ranked entries; exit 1 when nothing matches.</summary>
internal static class SearchCommand
{
    public static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count == 0) throw new UsageException("search needs a QUERY");
        var query = string.Join(' ', args.Positional);
        var limit = args.Int("--limit", 10);
        var catalog = CatalogOptions.Load(args, stderr);
        var hits = SearchIndex.Build(catalog.Entries).Search(query, limit);

        if (args.Has("--json"))
        {
            var rows = hits.Select(h => new
            {
                key = h.Entry.Key, score = Math.Round(h.Score, 3), title = h.Entry.Title, year = h.Entry.Year,
                authors = h.Entry.Authors.Select(a => a.DisplayName).ToArray(),
                matches = h.Matches.Select(m => new { field = m.Field, start = m.Start, length = m.Length }).ToArray(),
            });
            stdout.WriteLine(JsonSerializer.Serialize(rows, new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            foreach (var h in hits)
                stdout.WriteLine($"{h.Entry.Key,-34} {EntryFormatter.Year(h.Entry),-5} {EntryFormatter.Truncate(EntryFormatter.FirstAuthorFamily(h.Entry), 22),-22} {EntryFormatter.Truncate(h.Entry.Title, 70)}");
        }
        if (hits.Count == 0) { stderr.WriteLine($"citelsp: no entry matches '{query}'"); return 1; }
        return 0;
    }
}
