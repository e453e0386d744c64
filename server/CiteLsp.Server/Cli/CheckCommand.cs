using System.Text.Encodings.Web;
using System.Text.Json;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Configuration;
using CiteLsp.Core.Diagnostics;
using CiteLsp.Core.Text;
using CiteLsp.Server.Analysis;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Cli;

/// <summary>
/// citelsp check FILE…: the server's diagnostics for CI, as "file:line:col: severity: message [code]" lines (or JSON).
/// A LaTeX root document is checked with every file it includes, as the compiler sees it. Exit 1 when a citation
/// is unresolved (or a .bib FILE has errors), 0 when everything resolves, 2 on usage or input errors.
/// </summary>
internal static class CheckCommand
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count == 0) throw new UsageException("check needs at least one FILE");
        var format = args.Last("--format") ?? "text";
        if (format is not ("text" or "json")) throw new UsageException($"--format must be text or json, got '{format}'");
        var files = args.Positional.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).ToList();
        foreach (var f in files)
        {
            if (!File.Exists(f)) throw new InputException($"file not found: {f}");
            if (DocumentKinds.Of("", f) == DocumentKind.Other) throw new InputException($"not a LaTeX, Markdown or .bib file: {f}");
        }
        var settings = CiteLspSettings.Default with
        {
            // On a command line, relative paths mean the current directory (the server reads them from the workspace folder).
            Bibliography = args.All("--bibliography").Select(Path.GetFullPath).ToList(),
            Library = args.All("--library").Select(Path.GetFullPath).ToList(),
            SeedsEnabled = !args.Has("--no-seeds"),
        };
        var folder = Path.GetFullPath(args.Last("--root") ?? Directory.GetCurrentDirectory());

        var snapshot = CheckWorkspace.Build(files, settings, folder);
        var checkedFiles = ExpandRoots(snapshot, files);
        if (checkedFiles.Count > files.Count) snapshot = CheckWorkspace.Build(checkedFiles, settings, folder);

        var findings = new List<Finding>();
        var reports = new List<object>();
        foreach (var document in checkedFiles.Select(f => snapshot.Documents[Protocol.DocumentUri.FromPath(f)]))
        {
            if (DocumentKinds.Of("", document.Path) == DocumentKind.Bibliography)
            {
                var parsed = CatalogLoader.Parse(document.Path, document.Text);
                findings.AddRange(parsed.Diagnostics.Select(d => Finding.Of(CiteDiagnostic.From(d), document.Lines, unresolved: d.Severity == Severity.Error)));
                continue;
            }
            if (DocumentAnalyzer.Analyze(snapshot, document) is not { } analysis) continue;
            reports.Add(Report(analysis));
            findings.AddRange(analysis.Diagnostics.Select(d => Finding.Of(d, document.Lines, d.Unresolved)));
        }
        findings.AddRange(BibliographyProblems(snapshot, checkedFiles));

        var unresolved = findings.Count(f => f.Unresolved);
        if (format == "json")
            stdout.WriteLine(JsonSerializer.Serialize(new { files = reports, unresolved, diagnostics = findings.Select(f => f.ToJson()) }, Json));
        else
            foreach (var f in findings) stdout.WriteLine(f.ToText());
        stderr.WriteLine($"{checkedFiles.Count} file(s) checked, {unresolved} unresolved");
        return unresolved > 0 ? 1 : 0;
    }

    /// <summary>What the JSON output says about each document: where its keys must resolve and why.</summary>
    private static object Report(DocumentAnalysis a) => new
    {
        path = Display(a.Document.Path),
        syntax = a.Syntax.ToString().ToLowerInvariant(),
        backend = a.Project.Backend.ToString().ToLowerInvariant(),
        root = Display(a.Project.Root),
        citations = a.Citations.Count,
        declaresBibliography = a.Scope.DeclaresBibliography,
        catalogs = a.Catalogs.Sources.Select(s => new { path = s.IsEmbedded ? s.Path : Display(s.Path), role = s.Role.ToString().ToLowerInvariant(), reason = s.Reason }),
    };

    /// <summary>A LaTeX root brings in the files it includes (each checked once, in the order given).</summary>
    private static List<string> ExpandRoots(WorkspaceSnapshot snapshot, IReadOnlyList<string> files)
    {
        var result = new List<string>();
        foreach (var file in files)
        {
            result.Add(file);
            if (snapshot.Bibliography(Protocol.DocumentUri.FromPath(file)) is { Syntax: Core.Citations.DocumentSyntax.Latex } project && project.Root == file)
                result.AddRange(project.ProjectFiles);
        }
        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Syntax errors and duplicate keys in the bibliography files the checked documents use (not failures by themselves).</summary>
    private static IEnumerable<Finding> BibliographyProblems(WorkspaceSnapshot snapshot, IReadOnlyList<string> checkedFiles) =>
        snapshot.Catalogs.Files.Values
            .Where(f => !checkedFiles.Contains(f.Path, StringComparer.Ordinal))
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .SelectMany(f => f.Latest.Diagnostics.Select(d => Finding.Of(CiteDiagnostic.From(d), f.Latest.Lines, unresolved: false)));

    internal static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? path : relative;
    }

    private sealed record Finding(CiteDiagnostic Diagnostic, int Line, int Column, int EndLine, int EndColumn, bool Unresolved)
    {
        public static Finding Of(CiteDiagnostic d, LineIndex lines, bool unresolved)
        {
            var (line, column) = lines.GetPosition(d.Span.Start);
            var (endLine, endColumn) = lines.GetPosition(d.Span.End);
            return new Finding(d, line + 1, column + 1, endLine + 1, endColumn + 1, unresolved);
        }

        private string Level => Diagnostic.Severity switch
        {
            DiagnosticLevel.Error => "error",
            DiagnosticLevel.Warning => "warning",
            _ => "note",
        };

        public string ToText() => $"{Display(Diagnostic.Span.Path)}:{Line}:{Column}: {Level}: {Diagnostic.Message} [{Diagnostic.Code}]";

        public object ToJson() => new
        {
            path = Display(Diagnostic.Span.Path), line = Line, column = Column, endLine = EndLine, endColumn = EndColumn,
            severity = Level, code = Diagnostic.Code, message = Diagnostic.Message, key = Diagnostic.Key, unresolved = Unresolved,
        };
    }
}
