using System.Collections.Immutable;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Workspace;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// Runs Core's <see cref="ProjectResolver"/> for every open document (on the catalog loader's loop): which
/// bibliography files each declares, through its root document for a chapter opened on its own. Open
/// documents are read from the editor's text, other files from disk (cached by write time and size).
/// </summary>
internal sealed class ProjectScanner
{
    private const int MaxWorkspaceTexFiles = 2000;
    private static readonly TimeSpan WorkspaceListLifetime = TimeSpan.FromSeconds(10);

    private readonly Dictionary<string, (DateTime Written, long Length, string Text)> _disk = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedTooLarge = new(StringComparer.Ordinal); // each oversized document is reported once
    private IReadOnlyList<string> _texFiles = [];
    private IReadOnlyList<string> _texFilesFolders = [];
    private DateTime _texFilesListed;

    public ImmutableDictionary<string, DocumentBibliography> Resolve(WorkspaceSnapshot snapshot, Action<string> warn)
    {
        var settings = snapshot.Settings;
        var open = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var doc in snapshot.Documents.Values) open.TryAdd(FullPath(doc.Path), doc.Text);
        var resolver = new ProjectResolver(
            path => open.TryGetValue(path, out var text) ? text : ReadDisk(path, settings.MaxDocumentBytes),
            WorkspaceTexFiles(snapshot.WorkspaceFolders),
            new LatexScanOptions(settings.LatexCitationCommands));

        var result = ImmutableDictionary.CreateBuilder<string, DocumentBibliography>(StringComparer.Ordinal);
        foreach (var doc in snapshot.Documents.Values)
        {
            if (DocumentLanguages.SyntaxOf(doc.LanguageId, doc.Path) is not { } syntax) continue;
            if (doc.Text.Length > settings.MaxDocumentBytes)
            {
                if (_reportedTooLarge.Add(doc.Uri))
                    warn($"{doc.Path}: {doc.Text.Length / (1024.0 * 1024):N1} MB exceeds citelsp.limits.maxDocumentSizeMB; not scanned for bibliographies");
                continue;
            }
            try { result[doc.Uri] = resolver.Resolve(FullPath(doc.Path), syntax); }
            catch (Exception ex) { warn($"{doc.Path}: could not find its bibliography: {ex.Message}"); }
        }
        return result.ToImmutable();
    }

    private static string FullPath(string path)
    {
        try { return Path.GetFullPath(path); }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException) { return path; }
    }

    private string? ReadDisk(string path, long maxBytes)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > maxBytes) return null;
        if (info.Length == 0) return ""; // a FIFO reports length 0 and its read would block the catalog loop
        if (_disk.TryGetValue(path, out var cached) && cached.Written == info.LastWriteTimeUtc && cached.Length == info.Length) return cached.Text;
        var text = File.ReadAllText(path);
        _disk[path] = (info.LastWriteTimeUtc, info.Length, text);
        return text;
    }

    /// <summary>Candidate root documents for a chapter opened alone; listed again at most every few seconds.</summary>
    private IReadOnlyList<string> WorkspaceTexFiles(IReadOnlyList<string> folders)
    {
        if (folders.SequenceEqual(_texFilesFolders) && DateTime.UtcNow - _texFilesListed < WorkspaceListLifetime) return _texFiles;
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true, IgnoreInaccessible = true, MaxRecursionDepth = 8,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        };
        _texFiles = folders.Where(Directory.Exists)
            .SelectMany(f => Directory.EnumerateFiles(f, "*.tex", options))
            .Where(p => !p.Contains("/node_modules/", StringComparison.Ordinal))
            .Take(MaxWorkspaceTexFiles).ToList();
        _texFilesFolders = folders;
        _texFilesListed = DateTime.UtcNow;
        return _texFiles;
    }
}
