using CiteLsp.Server.Diagnostics;
using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Fixes;

/// <summary>Citation and bibliography diagnostics as a client receives them from the real server process.</summary>
public class DiagnosticsTests
{
    private static string Codes(JArray diagnostics) =>
        string.Join(" ", diagnostics.Select(d => $"{d["code"]}:{d["range"]!["start"]!["line"]}:{d["range"]!["start"]!["character"]}"));

    [Fact]
    public async Task Latex_unresolved_and_case_mismatch_under_biber()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var (uri, _, _) = await w.OpenAsync("paper.tex",
            "\\documentclass{article}\n\\usepackage[backend=biber]{biblatex}\n\\addbibresource{refs.bib}\n\\begin{document}\n"
            + "\\parencite{IOzone} \\textcite{smith2020} \\cite{nosuch2001, vaswani2017attention}\n\\end{document}\n", "latex");
        var diagnostics = await w.Client.NextDiagnosticsAsync(uri, d => d.Count > 0);
        Assert.Equal("citation-case-mismatch:4:11 unresolved-citation:4:46 unresolved-citation:4:58", Codes(diagnostics));
        Assert.Equal("`IOzone` is not in refs.bib: biber matches keys exactly, and the entry is `iozone`", (string?)diagnostics[0]["message"]);
        Assert.Equal("`nosuch2001` is not in refs.bib", (string?)diagnostics[1]["message"]);
        Assert.Equal("`vaswani2017attention` is not in refs.bib; found in the library: library.bib", (string?)diagnostics[2]["message"]);
        Assert.All(diagnostics, d => Assert.Equal(2, (int)d["severity"]!));
        Assert.All(diagnostics, d => Assert.Equal("citelsp", (string?)d["source"]));
    }

    [Fact]
    public async Task Latex_case_mismatch_is_only_a_warning_under_bibtex_and_severity_follows_settings()
    {
        await using var w = await FixesWorkspace.StartAsync(new { diagnostics = new { severity = "error" } });
        var (uri, _, _) = await w.OpenAsync("paper.tex",
            "\\documentclass{article}\n\\begin{document}\n\\cite{IOzone,nosuch}\n\\bibliography{refs}\n\\end{document}\n", "latex");
        var diagnostics = await w.Client.NextDiagnosticsAsync(uri, d => d.Count > 0);
        Assert.Equal("citation-case-mismatch:2:6 unresolved-citation:2:13", Codes(diagnostics));
        Assert.Equal(2, (int)diagnostics[0]["severity"]!);
        Assert.Equal(1, (int)diagnostics[1]["severity"]!);
        Assert.Contains("bibtex accepts it with a warning", (string?)diagnostics[0]["message"]);
    }

    [Fact]
    public async Task Markdown_front_matter_bibliography()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var (uri, _, _) = await w.OpenAsync("doc.md",
            "---\nbibliography: refs.bib\n---\n\nAs @smith2020 shows [see @knuth1984, p. 3; @IOzone; @ghost]. Mail me@example.com.\n", "markdown");
        var diagnostics = await w.Client.NextDiagnosticsAsync(uri, d => d.Count > 0);
        Assert.Equal("citation-case-mismatch:4:44 unresolved-citation:4:53", Codes(diagnostics));
        Assert.Contains("pandoc matches keys exactly", (string?)diagnostics[0]["message"]);
    }

    [Fact]
    public async Task Without_a_bibliography_keys_resolve_against_the_library()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var (uri, _, _) = await w.OpenAsync("notes.md", "Drafting: [@vaswani2017attention] and [@nakkiran2019deep] and [@zzz].\n", "markdown");
        var diagnostics = await w.Client.NextDiagnosticsAsync(uri, d => d.Count > 0);
        Assert.Equal("unresolved-citation:0:64", Codes(diagnostics));
        Assert.StartsWith("`zzz` is not in the library (", (string?)diagnostics[0]["message"]);
    }

    [Fact]
    public async Task The_key_being_typed_is_not_flagged_until_the_writer_pauses()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var doc = "\\documentclass{article}\n\\begin{document}\n\\cite{smith2020}\n\\bibliography{refs}\n\\end{document}\n";
        var (uri, _, _) = await w.OpenAsync("paper.tex", doc, "latex");
        Assert.Empty(await w.Client.NextDiagnosticsAsync(uri));
        // Type ", smi" after smith2020: "smi" is mid-word.
        await w.Client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = new { start = new { line = 2, character = 15 }, end = new { line = 2, character = 15 } }, text = ", smi" } },
        });
        var typing = DateTime.UtcNow;
        var first = await w.Client.NextDiagnosticsAsync(uri);
        Assert.True(first.Count == 0, "flagged while typing: " + first);
        var later = await w.Client.NextDiagnosticsAsync(uri, d => d.Count > 0, timeoutSeconds: 10);
        Assert.True(DateTime.UtcNow - typing > TimeSpan.FromSeconds(1.5), "flagged before the pause");
        Assert.Equal("unresolved-citation:2:17", Codes(later));
    }

    [Fact]
    public async Task Bib_documents_report_syntax_errors_and_duplicate_keys()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var (uri, _, _) = await w.OpenAsync("other.bib",
            "@article{a,\n  title = {One},\n}\n\n@article{A,\n  title = {Two},\n}\n\n@misc{broken\n  title = {x}\n}\n\n@misc{b, title = {ok}}\n", "bibtex");
        var diagnostics = await w.Client.NextDiagnosticsAsync(uri, d => d.Count > 0);
        Assert.True(diagnostics.Count >= 2, diagnostics.ToString());
        Assert.Contains(diagnostics, d => (int)d["range"]!["start"]!["line"]! == 4 && ((string?)d["message"])!.Contains("duplicate", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(diagnostics, d => (int)d["severity"]! == 1 && (int)d["range"]!["start"]!["line"]! >= 8);
    }

    [Fact]
    public async Task Errors_in_a_bibliography_file_are_published_for_that_file_and_everything_republishes_when_it_changes()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var (uri, _, _) = await w.OpenAsync("paper.tex",
            "\\documentclass{article}\n\\begin{document}\n\\cite{newkey}\n\\bibliography{refs}\n\\end{document}\n", "latex");
        Assert.Single(await w.Client.NextDiagnosticsAsync(uri, d => d.Count > 0));

        // The user adds the entry (with a typo elsewhere): the watcher reloads refs.bib.
        File.WriteAllText(Path.Combine(w.Dir.Path, "refs.bib"), FixesWorkspace.Refs + "\n@misc{newkey,\n  title = {New},\n}\n\n@misc{iozone,\n  title = {Again},\n}\n");
        await w.Client.NotifyAsync("workspace/didChangeWatchedFiles", new { changes = new[] { new { uri = w.Dir.Uri("refs.bib"), type = 2 } } });
        Assert.Empty(await w.Client.NextDiagnosticsAsync(uri, d => d.Count == 0));
        var bibDiagnostics = await w.Client.NextDiagnosticsAsync(w.Dir.Uri("refs.bib"), d => d.Count > 0);
        Assert.Contains(bibDiagnostics, d => ((string?)d["message"])!.Contains("iozone", StringComparison.Ordinal));
    }

    /// <summary>The writer's library (a Zotero export) is loaded at start-up; a paper opened later names it as its
    /// bibliography: its errors are published then, not only at its next change.</summary>
    [Fact]
    public async Task A_loaded_library_a_document_opens_as_its_bibliography_has_its_errors_published()
    {
        using var dir = new TempDir();
        var library = dir.File("library.bib", "@misc{twice,\n  title = {First},\n}\n\n@misc{twice,\n  title = {Second},\n}\n");
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: new { library = new[] { library }, seeds = new { enabled = false } });
        Assert.Equal(1, (int)(await client.NextStatusAsync())["entries"]!);

        await client.OpenAsync(dir.Uri("paper.tex"), "\\documentclass{article}\n\\begin{document}\n\\cite{twice}\n\\bibliography{library}\n\\end{document}\n");
        var reported = await client.NextDiagnosticsAsync(dir.Uri("library.bib"), d => d.Count > 0, timeoutSeconds: 15);
        Assert.Equal("bib-duplicate-key:4", string.Join(" ", reported.Select(d => $"{d["code"]}:{d["range"]!["start"]!["line"]}")));
    }

    /// <summary>A library with thousands of problems: the first thousand and a line counting the rest, not one notification
    /// so big that every response waits behind it.</summary>
    [Fact]
    public async Task A_bibliography_with_more_problems_than_the_cap_publishes_the_first_and_counts_the_rest()
    {
        using var dir = new TempDir();
        var library = dir.File("library.bib", string.Concat(Enumerable.Repeat("@misc{twice,\n  title = {Again},\n}\n\n", ProblemCap.Max + 201)));
        await using var client = LspClient.Start();
        await client.InitializeAsync(initializationOptions: new { library = new[] { library }, seeds = new { enabled = false } });
        await client.NextStatusAsync();

        await client.OpenAsync(dir.Uri("paper.tex"), "\\documentclass{article}\n\\begin{document}\n\\cite{twice}\n\\bibliography{library}\n\\end{document}\n");
        var reported = await client.NextDiagnosticsAsync(dir.Uri("library.bib"), d => d.Count > 0, timeoutSeconds: 15);
        Assert.Equal(ProblemCap.Max + 1, reported.Count);
        Assert.Equal(Enumerable.Range(1, ProblemCap.Max).Select(i => $"bib-duplicate-key:{4 * i}"),
            reported.Take(ProblemCap.Max).Select(d => $"{d["code"]}:{d["range"]!["start"]!["line"]}"));
        var more = reported[^1]!;
        Assert.Equal($"{ProblemCap.Code}:{4 * (ProblemCap.Max + 1)}:3", $"{more["code"]}:{more["range"]!["start"]!["line"]}:{more["severity"]}");
        Assert.StartsWith("200 more problems", (string?)more["message"]);
    }

    [Fact]
    public async Task Closing_a_document_clears_its_diagnostics()
    {
        await using var w = await FixesWorkspace.StartAsync();
        var (uri, _, _) = await w.OpenAsync("paper.tex", "\\documentclass{article}\n\\begin{document}\n\\cite{nosuch}\n\\bibliography{refs}\n\\end{document}\n", "latex");
        Assert.Single(await w.Client.NextDiagnosticsAsync(uri, d => d.Count > 0));
        await w.Client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri } });
        Assert.Empty(await w.Client.NextDiagnosticsAsync(uri));
    }
}
