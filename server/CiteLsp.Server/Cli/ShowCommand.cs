namespace CiteLsp.Server.Cli;

/// <summary>citelsp show KEY: the whole entry; exit 1 when the key is unknown.</summary>
internal static class ShowCommand
{
    public static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count != 1) throw new UsageException("show needs exactly one KEY");
        var key = args.Positional[0];
        var catalog = CatalogOptions.Load(args, stderr);
        var e = catalog.Find(key);
        if (e is null)
        {
            var near = catalog.FindIgnoreCase(key);
            stderr.WriteLine($"citelsp: no entry with key '{key}'" + (near is null ? "" : $" (did you mean '{near.Key}'?)"));
            return 1;
        }
        var file = catalog.Files.First(f => f.Path == e.Location.Path);
        var (line, col) = file.Lines.GetPosition(e.Location.Start);
        stdout.WriteLine($"key:      {e.Key}");
        stdout.WriteLine($"type:     {e.Type}");
        stdout.WriteLine($"title:    {e.Title}");
        stdout.WriteLine($"authors:  {string.Join("; ", e.Authors.Select(a => a.DisplayName))}{(e.AuthorsTruncated ? "; et al." : "")}");
        stdout.WriteLine($"date:     {(e.Date.ToString() is { Length: > 0 } d ? d : "unknown")}");
        if (e.Venue is not null) stdout.WriteLine($"venue:    {e.Venue}");
        if (e.Doi is not null) stdout.WriteLine($"doi:      {e.Doi}");
        if (e.Url is not null) stdout.WriteLine($"url:      {e.Url}");
        if (e.ArxivId is not null) stdout.WriteLine($"arxiv:    {e.ArxivId}");
        stdout.WriteLine($"source:   {e.Location.Path}:{line + 1}:{col + 1}");
        if (e.Abstract is not null) { stdout.WriteLine(); stdout.WriteLine(e.Abstract); }
        return 0;
    }
}
