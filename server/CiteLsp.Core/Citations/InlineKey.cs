using CiteLsp.Core.Text;

namespace CiteLsp.Core.Citations;

/// <summary>A key the document defines itself, e.g. with \bibitem{key} in thebibliography.</summary>
public sealed record InlineKey(string Key, SourceSpan KeySpan);
