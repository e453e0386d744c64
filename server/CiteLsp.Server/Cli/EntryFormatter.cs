using CiteLsp.Core.Bibliography;

namespace CiteLsp.Server.Cli;

/// <summary>Short human-readable renderings of an entry for terminal output.</summary>
internal static class EntryFormatter
{
    public static string Authors(Entry e, int max = 3)
    {
        if (e.Authors.Count == 0) return "";
        var names = e.Authors.Take(max).Select(p => p.DisplayName);
        var more = e.Authors.Count > max || e.AuthorsTruncated;
        return string.Join(", ", names) + (more ? " et al." : "");
    }

    public static string FirstAuthorFamily(Entry e) =>
        e.Authors.Count == 0 ? "" : (e.Authors[0].Literal ?? e.Authors[0].Family) + (e.Authors.Count > 1 || e.AuthorsTruncated ? " et al." : "");

    public static string Year(Entry e) => e.Year?.ToString() ?? "n.d.";

    public static string Truncate(string s, int width) => s.Length <= width ? s : s[..(width - 1)] + "…";
}
