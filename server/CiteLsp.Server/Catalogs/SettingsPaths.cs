using CiteLsp.Server.State;
using Microsoft.Extensions.FileSystemGlobbing;

namespace CiteLsp.Server.Catalogs;

/// <summary>
/// Expands citelsp.bibliography / citelsp.library entries: absolute or workspace-relative paths, "~/" for the
/// home directory, and globs (matched under each workspace folder, or under the glob's fixed absolute prefix).
/// A plain path is kept even when missing, so the user sees "cannot read" instead of silence.
/// </summary>
internal static class SettingsPaths
{
    public static SettingsFiles Resolve(IReadOnlyList<string> bibliography, IReadOnlyList<string> library, IReadOnlyList<string> folders) =>
        new(Expand(bibliography, folders), Expand(library, folders));

    public static IReadOnlyList<string> Expand(IReadOnlyList<string> patterns, IReadOnlyList<string> folders)
    {
        var result = new List<string>();
        foreach (var raw in patterns)
        {
            var pattern = raw.StartsWith("~/", StringComparison.Ordinal)
                ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), raw[2..])
                : raw;
            if (!IsGlob(pattern))
            {
                result.AddRange(PlainPaths(pattern, folders));
                continue;
            }
            foreach (var (root, relative) in Roots(pattern, folders))
            {
                if (!Directory.Exists(root)) continue;
                var matcher = new Matcher(StringComparison.Ordinal);
                matcher.AddInclude(relative);
                result.AddRange(matcher.GetResultsInFullPath(root).Order(StringComparer.Ordinal));
            }
        }
        return result.Distinct(StringComparer.Ordinal).ToList();
    }

    public static bool IsGlob(string pattern) => pattern.IndexOfAny(['*', '?', '[', '{']) >= 0;

    /// <summary>A relative path is looked up in each workspace folder; where it exists wins, else the first folder.</summary>
    private static IEnumerable<string> PlainPaths(string path, IReadOnlyList<string> folders)
    {
        if (Path.IsPathRooted(path) || folders.Count == 0) return [Path.GetFullPath(path)];
        var candidates = folders.Select(f => Path.GetFullPath(Path.Combine(f, path))).ToList();
        var existing = candidates.Where(File.Exists).ToList();
        return existing.Count > 0 ? existing : [candidates[0]];
    }

    /// <summary>An absolute glob is split at its last separator before the first wildcard; a relative one applies to each folder.</summary>
    private static IEnumerable<(string Root, string Relative)> Roots(string pattern, IReadOnlyList<string> folders)
    {
        if (!Path.IsPathRooted(pattern)) return folders.Select(f => (f, pattern));
        var wildcard = pattern.IndexOfAny(['*', '?', '[', '{']);
        var split = pattern.LastIndexOf('/', wildcard);
        return split <= 0 ? [("/", pattern.TrimStart('/'))] : [(pattern[..split], pattern[(split + 1)..])];
    }
}
