using CiteLsp.Fuzz.Harnesses;

namespace CiteLsp.Tests.Fuzz;

/// <summary>
/// Every input the fuzzer ever broke something with, replayed through its harness (which checks the same
/// properties as during fuzzing). Files live in Regressions/&lt;harness&gt;/; add new findings there.
/// </summary>
public class FuzzRegressionTests
{
    private static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "CiteLsp.Tests", "Fuzz", "Regressions");

    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*.bin", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Folder, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Former_crash_input_passes_its_harness(string file)
    {
        var harness = AllHarnesses.Find(file.Split(Path.DirectorySeparatorChar)[0]);
        Assert.NotNull(harness);
        harness.Run(File.ReadAllBytes(Path.Combine(Folder, file)));
    }

    [Fact]
    public void Every_regression_folder_names_a_harness()
    {
        foreach (var dir in Directory.EnumerateDirectories(Folder))
            Assert.NotNull(AllHarnesses.Find(Path.GetFileName(dir)));
    }
}
