namespace CiteLsp.Tests;

/// <summary>Locates the repository root (the folder with CiteLsp.sln) and the shared data beside it.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRoot();
    public static string Seeds => Path.Combine(RepoRoot, "seeds");
    public static string Shared => Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));
    public static string Corpus => Path.Combine(Shared, "corpus");
    public static string CorpusFile(string relative) => Path.Combine(Corpus, relative);

    public static string SeedProfile => Path.Combine(Seeds, "000_7778d6113b47f5b7.txt");
    public static string SeedListing => Path.Combine(Seeds, "002_f3577693f2d5ba08.txt");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CiteLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("CiteLsp.sln not found above " + AppContext.BaseDirectory);
    }
}
