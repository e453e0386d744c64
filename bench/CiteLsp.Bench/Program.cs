namespace CiteLsp.Bench;

/// <summary>dotnet run -c Release --project bench/CiteLsp.Bench -- &lt;bench&gt; [args]: one benchmark per sub-command.</summary>
internal static class Program
{
    private const string Usage = """
        usage: CiteLsp.Bench search [N…] [--no-abstracts] index build, query p50/p99, memory (N entries; 20 = the seed catalog; default 20 10000 100000)
               CiteLsp.Bench quality [--dump FILE]      ranker vs plain substring filtering on the quality set; FILE feeds bench/fzf-compare
               CiteLsp.Bench typing FILE.bib [--extra-words]  completion per keystroke (p50/p99/max, cold and warm) on one library; index memory
               CiteLsp.Bench update FILE.bib            full index build vs Update after one changed entry; WriteTo/ReadFrom time and size
        """;

    public static int Main(string[] args) => args.FirstOrDefault() switch
    {
        "search" => SearchBench.Run(args[1..]),
        "quality" => QualityBench.Run(args[1..]),
        "typing" when args.Length >= 2 => TypingBench.Run(args[1..]),
        "update" when args.Length == 2 => UpdateBench.Run(args[1..]),
        _ => Fail(),
    };

    private static int Fail()
    {
        Console.Error.WriteLine(Usage);
        return 2;
    }
}
