namespace CiteLsp.Server.Cli;

/// <summary>citelsp list: every entry as a table; exit 1 when a catalog reported problems.</summary>
internal static class ListCommand
{
    public static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count != 0) throw new UsageException("list takes no arguments");
        var catalog = CatalogOptions.Load(args, stderr);
        stdout.WriteLine($"{"KEY",-34} {"YEAR",-5} {"AUTHORS",-22} TITLE");
        foreach (var e in catalog.Entries)
            stdout.WriteLine($"{e.Key,-34} {EntryFormatter.Year(e),-5} {EntryFormatter.Truncate(EntryFormatter.FirstAuthorFamily(e), 22),-22} {EntryFormatter.Truncate(e.Title, 70)}");
        stderr.WriteLine($"{catalog.Count} entries");
        return catalog.Diagnostics.Count > 0 ? 1 : 0;
    }
}
