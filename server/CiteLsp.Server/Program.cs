using CiteLsp.Server.Cli;
using CiteLsp.Server.Lsp;

if (args.Length == 0 || args is ["--stdio"])
{
    // stdout is the protocol channel: take it first, then make every stray Console.Write go to stderr.
    var stdout = Console.OpenStandardOutput();
    var stdin = Console.OpenStandardInput();
    var stderr = Console.Error;
    Console.SetOut(stderr);
    return await new LspServer(stdin, stdout, stderr).RunAsync();
}

if (CliMain.IsCommand(args[0]))
    return CliMain.Run(args, Console.Out, Console.Error);

Console.Error.WriteLine($"citelsp: unknown command '{args[0]}'");
Console.Error.WriteLine(CliMain.Usage);
return 2;
