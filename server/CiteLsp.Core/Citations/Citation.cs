using CiteLsp.Core.Text;

namespace CiteLsp.Core.Citations;

/// <summary>
/// One cited key. Command is the LaTeX command with its backslash and without a star ("\citep"),
/// or "@" for a Pandoc in-text citation and "[@]" for a bracketed one. CommandSpan covers the whole
/// command (all its arguments) or the whole bracket; keys of one command share it.
/// </summary>
public sealed record Citation(string Key, SourceSpan KeySpan, SourceSpan CommandSpan, string Command, DocumentSyntax Syntax);
