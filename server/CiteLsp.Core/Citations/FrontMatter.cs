using CiteLsp.Core.Text;

namespace CiteLsp.Core.Citations;

/// <summary>The YAML between a Markdown document's opening "---" and closing "---"/"..." lines; Span locates Text.</summary>
public sealed record FrontMatter(string Text, SourceSpan Span);
