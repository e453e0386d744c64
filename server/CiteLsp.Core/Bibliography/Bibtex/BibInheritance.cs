namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// BibLaTeX inheritance: an entry takes the fields it lacks from its "xdata" entries, then from its "crossref"
/// parent (whose title becomes the child's booktitle, as biblatex's default rules do). Cycles are reported, not followed.
/// </summary>
internal static class BibInheritance
{
    private const int MaxDepth = 64;
    private static readonly HashSet<string> NotInherited = new(StringComparer.Ordinal) { "ids", "crossref", "xdata", "entryset", "xref" };
    private static readonly HashSet<string> ContainerTypes = new(StringComparer.Ordinal)
        { "book", "mvbook", "proceedings", "mvproceedings", "collection", "mvcollection", "reference", "mvreference", "periodical" };

    /// <param name="entries">Every entry that links to others, in file order.</param>
    public static void Resolve(IReadOnlyList<RawEntry> entries, Func<string, RawEntry?> find, string path, List<CatalogDiagnostic> diagnostics)
    {
        foreach (var e in entries)
            if (Inherits(e))
                ResolveOne(e, find, path, diagnostics, 0);
    }

    /// <summary>Whether the entry takes fields from others (its content then depends on theirs).</summary>
    public static bool Inherits(RawEntry e) => e.Fields.ContainsKey("crossref") || e.Fields.ContainsKey("xdata");

    private static void ResolveOne(RawEntry e, Func<string, RawEntry?> find, string path, List<CatalogDiagnostic> diagnostics, int depth)
    {
        if (e.InheritState != 0) return;
        e.InheritState = 1;
        foreach (var (key, how) in Parents(e)) Inherit(e, key, how, find, path, diagnostics, depth);
        e.InheritState = 2;
    }

    /// <summary>The keys an entry takes fields from, in the order it takes them: its xdata entries, then its crossref parent.</summary>
    public static IEnumerable<(string Key, string How)> Parents(RawEntry e)
    {
        if (e.Fields.TryGetValue("xdata", out var xdata))
            foreach (var k in xdata.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                yield return (k, "xdata");
        if (e.Fields.TryGetValue("crossref", out var crossref) && crossref.Trim() is { Length: > 0 } parent)
            yield return (parent, "crossref");
    }

    private static void Inherit(RawEntry child, string key, string how, Func<string, RawEntry?> find, string path, List<CatalogDiagnostic> diagnostics, int depth)
    {
        var span = new Text.SourceSpan(path, child.KeyStart, child.Key.Length);
        if (find(key) is not { } parent)
        {
            diagnostics.Add(new CatalogDiagnostic(Severity.Warning, "bib-crossref-missing", $"'{child.Key}' refers to a missing {how} entry '{key}'", span));
            return;
        }
        if (parent.InheritState == 1 || depth >= MaxDepth)
        {
            diagnostics.Add(new CatalogDiagnostic(Severity.Warning, "bib-crossref-cycle",
                parent.InheritState == 1
                    ? $"{how} cycle: '{child.Key}' and '{parent.Key}' inherit from each other; the cycle is not followed"
                    : $"{how} chain through '{parent.Key}' is deeper than {MaxDepth} entries; not followed", span));
            return;
        }
        ResolveOne(parent, find, path, diagnostics, depth + 1);
        var hadMonth = child.Fields.ContainsKey("month");
        child.Fields.InheritFrom(parent.Fields, NotInherited);
        if (how == "crossref" && ContainerTypes.Contains(parent.Type) && parent.Fields.TryGetValue("title", out var title))
            child.Fields.TryAdd("booktitle", title);
        if (!hadMonth) child.MonthFromMacro = parent.MonthFromMacro;
    }
}
