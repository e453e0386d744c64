namespace CiteLsp.Server.Analysis;

/// <summary>
/// The LaTeX and Markdown files of the workspace folders: where a chapter opened on its own looks for its root,
/// and where references and rename look for citations. Listed at most every few seconds (a keystroke must not
/// walk the disk), skipping hidden and dependency folders.
/// </summary>
internal static class WorkspaceFiles
{
    private const int MaxFiles = 5000;
    private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(10);
    private static readonly HashSet<string> Extensions = new(StringComparer.OrdinalIgnoreCase) { ".tex", ".md", ".markdown", ".rmd", ".qmd" };
    private static readonly Lock Gate = new();
    private static (string Key, DateTime At, IReadOnlyList<string> Files) _cache = ("", DateTime.MinValue, []);

    public static IReadOnlyList<string> Tex(IReadOnlyList<string> folders) =>
        All(folders).Where(f => f.EndsWith(".tex", StringComparison.OrdinalIgnoreCase)).ToList();

    public static IReadOnlyList<string> All(IReadOnlyList<string> folders)
    {
        var key = string.Join('\n', folders);
        lock (Gate)
            if (_cache.Key == key && DateTime.UtcNow - _cache.At < Fresh) return _cache.Files;
        var files = new List<string>();
        foreach (var folder in folders) Walk(folder, files);
        lock (Gate) _cache = (key, DateTime.UtcNow, files);
        return files;
    }

    private static void Walk(string folder, List<string> files)
    {
        var pending = new Stack<string>([folder]);
        while (pending.Count > 0 && files.Count < MaxFiles)
        {
            var dir = pending.Pop();
            try
            {
                files.AddRange(Directory.EnumerateFiles(dir).Where(f => Extensions.Contains(Path.GetExtension(f))).Take(MaxFiles - files.Count));
                foreach (var sub in Directory.EnumerateDirectories(dir))
                {
                    var name = Path.GetFileName(sub);
                    if (!name.StartsWith('.') && name is not ("node_modules" or "bin" or "obj")) pending.Push(sub);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException) { }
        }
    }
}
