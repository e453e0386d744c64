using System.Text.Json;
using CiteLsp.Server.Cli;

namespace CiteLsp.Tests.Server.Cli;

/// <summary>Runs `citelsp check --format json` in-process on corpus documents, the way CI would.</summary>
internal static class CheckRunner
{
    public static string Papers => Path.Combine(TestPaths.Corpus, "papers");
    public static string OracleDir => Path.Combine(TestPaths.RepoRoot, "tests", "CiteLsp.Tests", "Data", "Oracle");

    /// <summary>Projects whose build passes the bibliography on pandoc's command line (Makefile / Manubot), not in YAML.</summary>
    public static string[] BuildBibliography(string documentDir) => Path.GetFileName(documentDir) switch
    {
        "phd_thesis_markdown" => ["--bibliography", Path.Combine(documentDir, "references.bib")],
        "manubot-rootstock" => ["--bibliography", Path.Combine(documentDir, "manual-references.json")],
        _ => [],
    };

    public static (int Code, JsonElement Json) Check(string path, params string[] extra)
    {
        var dir = Path.GetDirectoryName(path)!;
        var (code, output, error) = CliTests.Run(["check", path, "--format", "json", "--root", dir, .. BuildBibliography(dir), .. extra]);
        Assert.True(code is 0 or 1, $"check {path} exited {code}: {error}");
        return (code, JsonDocument.Parse(output).RootElement.Clone());
    }

    public static IEnumerable<JsonElement> Diagnostics(JsonElement json) => json.GetProperty("diagnostics").EnumerateArray();

    public static SortedSet<string> UnresolvedKeys(JsonElement json) =>
        new(Diagnostics(json).Where(d => d.GetProperty("unresolved").GetBoolean()).Select(d => d.GetProperty("key").GetString()!), StringComparer.Ordinal);

    /// <summary>The input part of a pandoc test-suite file (line 3 up to "^D", without "csl:"), written beside a copy of its command/ folder.</summary>
    public static string ExtractPandocInput(string file, string tempDir)
    {
        var lines = File.ReadAllLines(file).Skip(2).TakeWhile(l => !l.StartsWith("^D", StringComparison.Ordinal)).Where(l => !l.StartsWith("csl:", StringComparison.Ordinal));
        Directory.CreateDirectory(Path.Combine(tempDir, "command"));
        foreach (var f in Directory.GetFiles(Path.Combine(Path.GetDirectoryName(file)!, "command")))
            File.Copy(f, Path.Combine(tempDir, "command", Path.GetFileName(f)), overwrite: true);
        var input = Path.Combine(tempDir, "input.md");
        File.WriteAllLines(input, lines);
        return input;
    }
}
