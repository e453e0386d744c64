using CiteLsp.Core.Text;

namespace CiteLsp.Core.Citations;

/// <summary>
/// The body of a filecontents environment: Name as written (may contain \jobname), Text is the raw body,
/// Span locates that body in the .tex file so parser offsets can be shifted by Span.Start.
/// </summary>
public sealed record EmbeddedFile(string Name, string Text, SourceSpan Span);
