using CiteLsp.Core.Text;

namespace CiteLsp.Core.Citations;

/// <summary>
/// Everything one pass over a Markdown file finds: citations (ordered, non-overlapping), the YAML front
/// matter, keys defined by link definitions ("[@alias]: doi:…", Manubot), and the regions skipped as
/// code, comments or front matter (ordered).
/// </summary>
public sealed record MarkdownScan(
    IReadOnlyList<Citation> Citations,
    FrontMatter? FrontMatter,
    IReadOnlyList<InlineKey> LinkKeys,
    IReadOnlyList<SourceSpan> Skipped);
