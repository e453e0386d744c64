using System.Collections.Concurrent;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Text;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Analysis;

/// <summary>
/// Every citation in the workspace (open documents as edited, other files from disk), for references and rename.
/// Scans of files on disk are cached by size and write time, so a second request only rescans what changed.
/// </summary>
internal static class ProjectCitations
{
    private static readonly ConcurrentDictionary<string, (long Length, DateTime Written, IReadOnlyList<Citation> Citations)> Cache = new(StringComparer.Ordinal);

    /// <summary>
    /// Citations of the key, and of its letter-case variants (bibtex resolves those to the same entry; for biber they
    /// are the case-mismatch the rename repairs), except variants that are entries of their own.
    /// </summary>
    public static IEnumerable<Citation> Of(WorkspaceSnapshot snapshot, string key, Func<string, bool> isOtherEntry, CancellationToken cancellationToken = default)
    {
        var open = snapshot.Documents.Values.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var paths = open.Keys.Where(p => DocumentLanguages.SyntaxOf(open[p].LanguageId, p) is not null)
            .Concat(WorkspaceFiles.All(snapshot.WorkspaceFolders)).Distinct(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var citations = open.TryGetValue(path, out var document) ? Scan(document, snapshot) : FromDisk(path, snapshot);
            foreach (var c in citations)
                if (c.Key == key || string.Equals(c.Key, key, StringComparison.OrdinalIgnoreCase) && !isOtherEntry(c.Key)) yield return c;
        }
    }

    private static IReadOnlyList<Citation> Scan(TextDocument document, WorkspaceSnapshot snapshot) =>
        DocumentLanguages.SyntaxOf(document.LanguageId, document.Path) switch
        {
            DocumentSyntax.Latex => LatexCitationScanner.Scan(document.Path, document.Text, new LatexScanOptions(snapshot.Settings.LatexCitationCommands)),
            DocumentSyntax.Markdown => MarkdownCitationScanner.Scan(document.Path, document.Text),
            _ => [],
        };

    private static IReadOnlyList<Citation> FromDisk(string path, WorkspaceSnapshot snapshot)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > snapshot.Settings.MaxDocumentBytes) return [];
            if (Cache.TryGetValue(path, out var hit) && hit.Length == info.Length && hit.Written == info.LastWriteTimeUtc) return hit.Citations;
            var citations = Scan(new TextDocument(path, path, "", 0, File.ReadAllText(path)), snapshot);
            Cache[path] = (info.Length, info.LastWriteTimeUtc, citations);
            return citations;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException) { return []; }
    }
}
