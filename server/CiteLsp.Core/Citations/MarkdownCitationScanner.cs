namespace CiteLsp.Core.Citations;

/// <summary>
/// Pandoc citations in Markdown: [@a; see @b, p. 3], [-@a], in-text @a, @{odd key}. Skips YAML front
/// matter, fenced and indented code, code spans, HTML comments, autolinks, URLs, e-mail addresses and
/// pandoc-crossref references.
/// </summary>
public static class MarkdownCitationScanner
{
    /// <summary>The citations of a Markdown file, in order, never overlapping.</summary>
    public static IReadOnlyList<Citation> Scan(string path, string text) => Analyze(path, text).Citations;

    /// <summary>Everything the scan finds (see <see cref="MarkdownScan"/>).</summary>
    public static MarkdownScan Analyze(string path, string text) => new MarkdownScanner(path, text).Run();
}
