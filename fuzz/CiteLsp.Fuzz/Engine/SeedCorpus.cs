namespace CiteLsp.Fuzz.Engine;

/// <summary>The files that seed a harness: everything under ../shared/corpus and the repository's seeds/ with a matching ending.</summary>
internal static class SeedCorpus
{
    public static IReadOnlyList<byte[]> Load(Harness harness, string repoRoot)
    {
        var roots = new[] { Path.Combine(repoRoot, "..", "shared", "corpus"), Path.Combine(repoRoot, "seeds"), Path.Combine(repoRoot, "fuzz", "seeds", harness.Name) };
        var seeds = new List<byte[]>();
        foreach (var root in roots.Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                if (harness.SeedExtensions.Any(ext => file.EndsWith(ext, StringComparison.OrdinalIgnoreCase)))
                    seeds.Add(File.ReadAllBytes(file));
        seeds.AddRange(harness.ExtraSeeds);
        if (seeds.Count == 0) seeds.Add([]);
        return seeds;
    }

    /// <summary>The folder holding CiteLsp.sln above the given directory.</summary>
    public static string FindRepoRoot(string from)
    {
        for (var dir = new DirectoryInfo(from); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CiteLsp.sln"))) return dir.FullName;
        throw new InvalidOperationException("CiteLsp.sln not found above " + from);
    }
}
