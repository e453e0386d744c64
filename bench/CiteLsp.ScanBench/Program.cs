using System.Diagnostics;
using System.Text;
using CiteLsp.Core.Citations;

// Scans a 1 MB LaTeX and a 1 MB Markdown document built from the real corpus papers (target: < 10 ms each).
const int Size = 1 << 20;
const int Runs = 200;
var papers = FindPapers();
var latex = Build(papers, "*.tex", Size);
var markdown = Build(papers, "*.md", Size);

Report("LaTeX scan", latex, () => LatexCitationScanner.Scan("big.tex", latex).Count);
Report("Markdown scan", markdown, () => MarkdownCitationScanner.Scan("big.md", markdown).Count);
// Citation-dense synthetic documents: a citation every ~60 characters.
var denseLatex = Repeat("See \\citep[p.~3]{smith2020deep, doe99} and \\textcite{knuth:ct}. % note\n", Size);
var denseMarkdown = Repeat("See [@smith2020deep, p. 3; -@doe99] and @knuth:ct says `x@y`.\n", Size);
Report("LaTeX scan (dense)", denseLatex, () => LatexCitationScanner.Scan("dense.tex", denseLatex).Count);
Report("Markdown scan (dense)", denseMarkdown, () => MarkdownCitationScanner.Scan("dense.md", denseMarkdown).Count);
// Hostile input: unclosed groups, brackets and backticks in one endless paragraph must stay linear.
var hostileLatex = Repeat("\\cite{a, \\citep[x{ \\newcommand{\\c}[1]{\\cite{#1} ", Size);
var hostileMarkdown = Repeat("[see @a ` [@b @c `` <x @d ", Size);
Report("LaTeX scan (unclosed)", hostileLatex, () => LatexCitationScanner.Scan("hostile.tex", hostileLatex).Count);
Report("Markdown scan (unclosed)", hostileMarkdown, () => MarkdownCitationScanner.Scan("hostile.md", hostileMarkdown).Count);
var texCursor = latex.LastIndexOf("\\cite{", StringComparison.Ordinal) + 6;
Report("LaTeX completion context", latex, () => CitationContext.Find(latex, texCursor, DocumentSyntax.Latex) is null ? 0 : 1);
var mdCursor = markdown.LastIndexOf("[@", StringComparison.Ordinal) + 2;
Report("Markdown completion context", markdown, () => CitationContext.Find(markdown, mdCursor, DocumentSyntax.Markdown) is null ? 0 : 1);

static void Report(string name, string text, Func<int> run)
{
    for (var i = 0; i < 100; i++) run(); // warm-up (JIT tiering)
    var times = new List<double>();
    var result = 0;
    var allocated = GC.GetAllocatedBytesForCurrentThread();
    var collections = GC.CollectionCount(0);
    for (var i = 0; i < Runs; i++)
    {
        var sw = Stopwatch.StartNew();
        result = run();
        times.Add(sw.Elapsed.TotalMilliseconds);
    }
    var perRun = (GC.GetAllocatedBytesForCurrentThread() - allocated) / Runs / 1024.0;
    collections = GC.CollectionCount(0) - collections;
    times.Sort();
    Console.WriteLine($"{name,-28} {text.Length / 1024.0 / 1024.0:F2} MB  median {times[times.Count / 2]:F2} ms  min {times[0]:F2} ms  max {times[^1]:F2} ms  " +
        $"alloc {perRun:F0} KB/run  gen0 GCs {collections}  result {result}");
}

static string Build(string? papers, string pattern, int size)
{
    var parts = papers is null ? [] : Directory.EnumerateFiles(papers, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(File.ReadAllText).ToList();
    if (parts.Count == 0) parts.Add(pattern == "*.md" ? "Text [@a; see @b, p. 3] and @c says.\n\n```\n@code\n```\n" : "Text \\citep[p. 3]{a, b} and \\cite{c}.\n% comment\n");
    var sb = new StringBuilder(size + 100_000);
    for (var i = 0; sb.Length < size; i++) sb.Append(parts[i % parts.Count]).Append("\n\n");
    return sb.ToString(0, size);
}

static string Repeat(string unit, int size)
{
    var sb = new StringBuilder(size + unit.Length);
    while (sb.Length < size) sb.Append(unit);
    return sb.ToString();
}

static string? FindPapers()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "CiteLsp.sln")))
        {
            var papers = Path.Combine(dir.FullName, "..", "shared", "corpus", "papers");
            return Directory.Exists(papers) ? papers : null;
        }
    return null;
}
