using CiteLsp.Core.Edits;

namespace CiteLsp.Core.Fixes;

/// <summary>A quick fix: a title for the menu and the edits it makes (sent as one WorkspaceEdit, never written by the server).</summary>
public sealed record CodeFix(string Title, IReadOnlyList<FileEdit> Edits, bool Preferred = false);
