using CiteLsp.Server.Cli;
using CiteLsp.Server.Lsp;

if (args.Length == 0 || args is ["--stdio"])
{
    StartupProfile.Start(); // first: it can only pre-compile what is compiled after it
    // stdout is the protocol channel: take it first, then make every stray Console.Write go to stderr.
    var stdout = Console.OpenStandardOutput();
    var stdin = Console.OpenStandardInput();
    var stderr = Console.Error;
    Console.SetOut(stderr);
    // Reading stdin blocks a pool thread for good, and a big library's parse holds another for a second: with
    // the default minimum (one per core) a request then waited ~0.5-1.5 s for the pool to grow. Threads are only
    // created when work is queued.
    ThreadPool.GetMinThreads(out var workers, out var io);
    ThreadPool.SetMinThreads(Math.Max(workers, 16), io);
    return await new LspServer(stdin, stdout, stderr).RunAsync();
}

if (CliMain.IsCommand(args[0]))
    return CliMain.Run(args, Console.Out, Console.Error);

Console.Error.WriteLine($"citelsp: unknown command '{args[0]}'");
Console.Error.WriteLine(CliMain.Usage);
return 2;
