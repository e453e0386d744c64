namespace CiteLsp.Server.Cli;

/// <summary>Dispatches the CLI sub-commands. Exit codes: 0 ok, 1 nothing found or problems reported, 2 usage or input error.</summary>
internal static class CliMain
{
    public const string Usage = """
        usage: citelsp [--stdio]                      run the language server on stdin/stdout
               citelsp search QUERY [--catalog FILE]… [--limit N] [--json]
               citelsp show KEY [--catalog FILE]…
               citelsp list [--catalog FILE]…
               citelsp export --format bibtex|csl-json [--output FILE] [--catalog FILE]…
               citelsp check FILE… [--format text|json] [--bibliography F]… [--library F]… [--no-seeds] [--root DIR]
                   unresolved citations as file:line:col lines; exit 1 if any, 0 if none, 2 on bad input
        Without --catalog the embedded seed catalog is used.
        """;

    private static readonly HashSet<string> ValueOptions = ["--catalog", "--limit", "--format", "--output", "--bibliography", "--library", "--root"];
    private static readonly HashSet<string> Flags = ["--json", "--no-seeds"];

    public static bool IsCommand(string word) => word is "search" or "show" or "list" or "export" or "check" or "help" or "--help" or "-h";

    public static int Run(string[] argv, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            if (argv[0] is "help" or "--help" or "-h") { stdout.WriteLine(Usage); return 0; }
            var args = CliArgs.Parse(argv.Skip(1), ValueOptions, Flags);
            return argv[0] switch
            {
                "search" => SearchCommand.Run(args, stdout, stderr),
                "show" => ShowCommand.Run(args, stdout, stderr),
                "list" => ListCommand.Run(args, stdout, stderr),
                "export" => ExportCommand.Run(args, stdout, stderr),
                "check" => CheckCommand.Run(args, stdout, stderr),
                _ => throw new UsageException($"unknown command '{argv[0]}'"),
            };
        }
        catch (UsageException ex)
        {
            stderr.WriteLine($"citelsp: {ex.Message}");
            stderr.WriteLine(Usage);
            return 2;
        }
        catch (InputException ex)
        {
            stderr.WriteLine($"citelsp: {ex.Message}");
            return 2;
        }
    }
}
