using CiteLsp.Core.Text;

namespace CiteLsp.Core.Workspace;

/// <summary>
/// A .bib written by a filecontents environment: Path is where LaTeX writes it (root directory),
/// Text the raw BibTeX, Span its place in the .tex file (shift parser offsets by Span.Start).
/// </summary>
public sealed record EmbeddedBibliography(string Path, string Text, SourceSpan Span);
