using CiteLsp.Core.Text;

namespace CiteLsp.Core.Hover;

/// <summary>Markdown to show for the text at <see cref="Span"/>.</summary>
public sealed record HoverCard(SourceSpan Span, string Markdown);
