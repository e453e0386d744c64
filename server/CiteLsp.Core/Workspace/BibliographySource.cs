using CiteLsp.Core.Text;

namespace CiteLsp.Core.Workspace;

/// <summary>A bibliography file the compiler will read: full Path, a human Reason ("\bibliography{refs} in main.tex:12"), and the declaring command.</summary>
public sealed record BibliographySource(string Path, string Reason, SourceSpan Declaration);
