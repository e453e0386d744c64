using CiteLsp.Core.Citations;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Workspace;

/// <summary>
/// Finds which bibliography applies to a document. Does no I/O itself: readFile(fullPath) returns a
/// file's text (the editor's text for open documents) or null when it does not exist; workspaceTexFiles lists candidate root documents (full
/// paths) for a chapter opened on its own. Keep one instance per workspace snapshot: scans are cached.
/// </summary>
public sealed class ProjectResolver(Func<string, string?> readFile, IEnumerable<string> workspaceTexFiles, LatexScanOptions? options = null)
{
    private const int MaxProjectFiles = 1000;
    private readonly Dictionary<string, Scanned?> _scans = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<string> _workspaceTexFiles = workspaceTexFiles.Select(Path.GetFullPath).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private sealed record Scanned(string Text, LatexScan Scan)
    {
        private LineIndex? _lines;
        public LineIndex Lines => _lines ??= new LineIndex(Text);
    }

    /// <summary>The bibliography of the document at documentPath (its text read through readFile).</summary>
    public DocumentBibliography Resolve(string documentPath, DocumentSyntax syntax)
    {
        documentPath = Path.GetFullPath(documentPath);
        return syntax == DocumentSyntax.Markdown ? ResolveMarkdown(documentPath) : ResolveLatex(documentPath);
    }

    private DocumentBibliography ResolveMarkdown(string document)
    {
        var text = SafeRead(document) ?? "";
        var scan = MarkdownCitationScanner.Analyze(document, text);
        var sources = new List<BibliographySource>();
        var hasReferences = false;
        if (scan.FrontMatter is { } front)
        {
            var (files, refs) = FrontMatterBibliography.Read(front);
            hasReferences = refs;
            var lines = new LineIndex(text);
            var frontLine = lines.GetPosition(front.Span.Start).Line;
            foreach (var (value, line) in files)
            {
                var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, value));
                var declaration = new SourceSpan(document, lines.LineStart(frontLine + line), 0);
                AddSource(sources, path, $"bibliography: {value} in {Path.GetFileName(document)}:{frontLine + line + 1}", declaration);
            }
        }
        return new DocumentBibliography(document, document, DocumentSyntax.Markdown, BibliographyBackend.Pandoc, sources,
            scan.LinkKeys, [], scan.FrontMatter, hasReferences, false, [document], []);
    }

    private DocumentBibliography ResolveLatex(string document)
    {
        var root = FindRoot(document);
        var rootDir = Path.GetDirectoryName(root)!;
        var jobname = Path.GetFileNameWithoutExtension(root);
        var sources = new List<BibliographySource>();
        var inlineKeys = new List<InlineKey>();
        var embedded = new List<EmbeddedBibliography>();
        var wrappers = new List<CiteWrapper>();
        var citesAll = false;
        var backend = BibliographyBackend.Bibtex;

        var files = Closure(root);
        if (!files.Contains(document, StringComparer.Ordinal)) files.Add(document); // an orphan chapter still counts
        foreach (var file in files)
        {
            if (Get(file) is not { } s) continue;
            citesAll |= s.Scan.CitesAll;
            inlineKeys.AddRange(s.Scan.BibItems);
            wrappers.AddRange(s.Scan.Wrappers);
            foreach (var e in s.Scan.EmbeddedFiles)
            {
                var name = e.Name.Replace("\\jobname", jobname, StringComparison.Ordinal);
                if (name.EndsWith(".bib", StringComparison.OrdinalIgnoreCase))
                    embedded.Add(new EmbeddedBibliography(Path.GetFullPath(Path.Combine(rootDir, name)), e.Text, e.Span));
            }
            foreach (var r in s.Scan.References)
            {
                switch (r.Kind)
                {
                    case LatexReferenceKind.UsePackage when IsBiblatex(r.Value):
                        backend = BiblatexBackend(r.Options);
                        break;
                    case LatexReferenceKind.Bibliography:
                        foreach (var part in r.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                        {
                            var name = part.Replace("\\jobname", jobname, StringComparison.Ordinal);
                            if (!name.EndsWith(".bib", StringComparison.OrdinalIgnoreCase)) name += ".bib";
                            AddSource(sources, Path.GetFullPath(Path.Combine(rootDir, name)), Reason(r, rootDir, s), r.Span);
                        }
                        break;
                    case LatexReferenceKind.AddBibResource or LatexReferenceKind.AddGlobalBib:
                        if (r.Value.Contains("://", StringComparison.Ordinal) || (r.Options?.Contains("remote", StringComparison.Ordinal) ?? false)) break;
                        var resource = r.Value.Replace("\\jobname", jobname, StringComparison.Ordinal);
                        AddSource(sources, Path.GetFullPath(Path.Combine(rootDir, resource)), Reason(r, rootDir, s), r.Span);
                        break;
                }
            }
        }
        return new DocumentBibliography(document, root, DocumentSyntax.Latex, backend, sources, inlineKeys, embedded, null, false, citesAll, files, wrappers);
    }

    private static bool IsBiblatex(string packages) =>
        packages.Split(',', StringSplitOptions.TrimEntries).Contains("biblatex", StringComparer.Ordinal);

    /// <summary>biblatex uses biber unless backend=bibtex (or bibtex8, bibtexu) is given.</summary>
    private static BibliographyBackend BiblatexBackend(string? options)
    {
        foreach (var option in (options ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            var eq = option.IndexOf('=');
            if (eq < 0 || option[..eq].Trim() != "backend") continue;
            return option[(eq + 1)..].Trim().StartsWith("bibtex", StringComparison.Ordinal) ? BibliographyBackend.Bibtex : BibliographyBackend.Biber;
        }
        return BibliographyBackend.Biber;
    }

    private static string Reason(LatexReference r, string rootDir, Scanned s)
    {
        var command = r.Kind switch
        {
            LatexReferenceKind.Bibliography => "\\bibliography",
            LatexReferenceKind.AddGlobalBib => "\\addglobalbib",
            _ => "\\addbibresource",
        };
        var file = Path.GetRelativePath(rootDir, r.Span.Path).Replace('\\', '/');
        return $"{command}{{{r.Value}}} in {file}:{s.Lines.GetPosition(r.Span.Start).Line + 1}";
    }

    private static void AddSource(List<BibliographySource> sources, string path, string reason, SourceSpan declaration)
    {
        if (!sources.Exists(s => s.Path == path)) sources.Add(new BibliographySource(path, reason, declaration));
    }

    /// <summary>The root: "% !TEX root", a subfiles main file, the document itself when it has \begin{document}, or a workspace file including it.</summary>
    private string FindRoot(string document)
    {
        if (Get(document) is not { } doc) return document;
        var dir = Path.GetDirectoryName(document)!;
        if (doc.Scan.MagicRoot is { } magic && ResolveTex(dir, magic) is { } magicRoot) return magicRoot;
        foreach (var r in doc.Scan.References)
            if (r.Kind == LatexReferenceKind.DocumentClass && r.Value == "subfiles" && r.Options is { Length: > 0 } main
                && ResolveTex(dir, main.Trim()) is { } subfilesRoot)
                return subfilesRoot;
        if (doc.Scan.HasDocument) return document;
        foreach (var candidate in _workspaceTexFiles)
        {
            if (candidate == document || Get(candidate) is not { Scan.HasDocument: true }) continue;
            if (Closure(candidate).Contains(document, StringComparer.Ordinal)) return candidate;
        }
        return document;
    }

    /// <summary>Every file reachable from root through \input, \include, \subfile, \import (root first, each once).</summary>
    private List<string> Closure(string root)
    {
        var order = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var rootDir = Path.GetDirectoryName(root)!;
        var stack = new Stack<string>();
        stack.Push(root);
        while (stack.Count > 0 && order.Count < MaxProjectFiles)
        {
            var file = stack.Pop();
            if (!seen.Add(file)) continue;
            order.Add(file);
            if (Get(file) is not { } s) continue;
            var here = Path.GetDirectoryName(file)!;
            var children = new List<string>();
            foreach (var r in s.Scan.References)
            {
                var child = r.Kind switch
                {
                    LatexReferenceKind.Input or LatexReferenceKind.Include or LatexReferenceKind.Import =>
                        ResolveTex(rootDir, r.Value) ?? ResolveTex(here, r.Value),
                    LatexReferenceKind.Subfile or LatexReferenceKind.SubImport => ResolveTex(here, r.Value) ?? ResolveTex(rootDir, r.Value),
                    _ => null,
                };
                if (child is not null) children.Add(child);
            }
            for (var k = children.Count - 1; k >= 0; k--) stack.Push(children[k]);
        }
        return order;
    }

    /// <summary>A .tex file named relative to dir, as TeX looks it up (name.tex first, then name), or null.</summary>
    private string? ResolveTex(string dir, string name)
    {
        if (name.Length == 0 || name.IndexOfAny(['\\', '#', '{']) >= 0) return null; // macros we cannot expand
        var full = Path.GetFullPath(Path.Combine(dir, name));
        if (!full.EndsWith(".tex", StringComparison.OrdinalIgnoreCase) && Get(full + ".tex") is not null) return full + ".tex";
        return Get(full) is not null ? full : null;
    }

    private string? SafeRead(string path)
    {
        try { return readFile(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private Scanned? Get(string path)
    {
        if (_scans.TryGetValue(path, out var cached)) return cached;
        var text = SafeRead(path);
        var scanned = text is null ? null : new Scanned(text, LatexCitationScanner.Analyze(path, text, options));
        _scans[path] = scanned;
        return scanned;
    }
}
