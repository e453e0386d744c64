namespace CiteLsp.Core.Citations;

/// <summary>
/// LaTeX citation scanning: cite commands (with their keys), \bibitem, filecontents, file and
/// bibliography commands, wrappers the document defines. Skips comments, verbatim-like environments and \verb.
/// </summary>
public static class LatexCitationScanner
{
    /// <summary>The citations of a LaTeX file, in order, never overlapping.</summary>
    public static IReadOnlyList<Citation> Scan(string path, string text, LatexScanOptions? options = null) =>
        Analyze(path, text, options).Citations;

    /// <summary>Everything the scan finds (see <see cref="LatexScan"/>).</summary>
    public static LatexScan Analyze(string path, string text, LatexScanOptions? options = null) =>
        new LatexScanner(path, text, options ?? LatexScanOptions.Default).Run();

    /// <summary>Looks up a cite command (built-in, configured or wrapper) by name without backslash.</summary>
    internal static CiteCommand? FindCite(ReadOnlySpan<char> name, LatexScanOptions? options)
    {
        if (LatexCommandTable.BuiltIn.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var c)) return c.Cite;
        if (options is null) return null;
        foreach (var w in options.Wrappers ?? []) if (name.SequenceEqual(w.Name)) return new CiteCommand("\\" + w.Name, CiteArgs.First, w);
        foreach (var e in options.ExtraCommands ?? []) if (name.SequenceEqual(e.TrimStart('\\'))) return new CiteCommand("\\" + name.ToString(), CiteArgs.First);
        return null;
    }
}
