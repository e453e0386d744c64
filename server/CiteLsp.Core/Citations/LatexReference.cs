using CiteLsp.Core.Text;

namespace CiteLsp.Core.Citations;

/// <summary>
/// A file-naming or set-up command: Value is the mandatory argument as written (for \import, directory
/// and file joined with '/'), Options the optional argument or null, Span the whole command.
/// </summary>
public sealed record LatexReference(LatexReferenceKind Kind, string Value, string? Options, SourceSpan Span);
