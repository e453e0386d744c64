namespace CiteLsp.Bench;

/// <summary>dotnet run -c Release --project bench/CiteLsp.Bench -- &lt;bench&gt; [args]: one benchmark per sub-command.</summary>
internal static class Program
{
    private const string Usage = "usage: CiteLsp.Bench search [N…]   (N = entry count; 20 = the seed catalog; default 20 10000 100000)";

    public static int Run(string[] args) => args.FirstOrDefault() switch
    {
        "search" => SearchBench.Run(args[1..]),
        _ => Fail(),
    };

    public static int Main(string[] args) => Run(args);

    private static int Fail()
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
