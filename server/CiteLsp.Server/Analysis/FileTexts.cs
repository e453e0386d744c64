using CiteLsp.Core.Text;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Analysis;

/// <summary>The current text of a file for edits and positions: the editor's buffer when it is open, else the disk.</summary>
internal static class FileTexts
{
    public static TextDocument? Get(WorkspaceSnapshot snapshot, string path)
    {
        foreach (var d in snapshot.Documents.Values)
            if (d.Path == path) return d;
        try
        {
            return File.Exists(path) ? new TextDocument(Protocol.DocumentUri.FromPath(path), path, "", 0, File.ReadAllText(path)) : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return null; }
    }

    /// <summary>The URI an edit or location in this file is sent with (the open document's own URI when open).</summary>
    public static string UriOf(WorkspaceSnapshot snapshot, string path)
    {
        foreach (var d in snapshot.Documents.Values)
            if (d.Path == path) return d.Uri;
        return Protocol.DocumentUri.FromPath(path);
    }
}
