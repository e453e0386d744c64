using CiteLsp.Server.Cli;

if (args.Length > 0 && CliMain.IsCommand(args[0]))
    return CliMain.Run(args, Console.Out, Console.Error);

if (args.Length == 0 || args is ["--stdio"])
{
    // The language server arrives with the LSP host issue; until then say so on stderr.
    Console.Error.WriteLine("citelsp: the language server is not available in this build");
    return 2;
}

Console.Error.WriteLine($"citelsp: unknown command '{args[0]}'");
Console.Error.WriteLine(CliMain.Usage);
return 2;
