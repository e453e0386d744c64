using CiteLsp.Core.Bibliography;

namespace CiteLsp.Fuzz.Harnesses;

/// <summary>Everything a BibTeX parse yields, as text, so that a difference between two parses shows where it is.</summary>
public static class BibDescription
{
    /// <summary>Entries (every field, display field, span and content hash), diagnostics and line starts.</summary>
    public static List<string> Of(CatalogFile file) =>
    [
        .. file.Entries.Select(e => string.Join(" | ", e.Key, e.Type, e.Title, string.Join(";", e.Authors.Select(p => $"{p.Given}/{p.Family}/{p.Literal}/{p.Suffix}")),
            e.AuthorsTruncated, e.Date, e.Venue, e.Abstract, e.Doi, e.Url, e.ArxivId, string.Join(",", e.Aliases),
            string.Join(";", e.Fields.Select(f => $"{f.Key}={f.Value}")), e.Location, e.KeyLocation, e.ContentHash)),
        .. file.Diagnostics.Select(Of),
        $"lines {file.Lines.LineCount} length {file.Lines.TextLength}: "
            + string.Join(",", Enumerable.Range(0, file.Lines.LineCount).Select(file.Lines.LineStart)),
    ];

    /// <summary>A diagnostic, everything it says.</summary>
    public static string Of(CatalogDiagnostic d) => $"{d.Severity} {d.Code} {d.Span} {d.Related} {d.Message}";

    /// <summary>What a later re-parse starts from: journal rows, macros, the last @string, reusability, links and key hashes.</summary>
    public static List<string> State(CatalogFile file)
    {
        var s = file.Bibtex ?? throw new InvalidOperationException("not a BibTeX parse");
        return
        [
            .. Enumerable.Range(0, s.Journal.Count).Select(i =>
                $"row {s.Journal.End(i)} {s.Journal.Recovering(i)} {s.Journal.DiagnosticsAfter(i)} {s.Journal.EntriesAfter(i)}"),
            .. s.Diagnostics.Select(Of),
            .. s.Macros.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => $"macro {m.Key}={m.Value}"),
            $"last @string {s.LastStringAt}, seed {s.MacroSeed}, reusable {s.Reusable}, hops {s.Hops}",
            "links " + string.Join(",", s.LinkTargets.Order(StringComparer.Ordinal)),
            "key hashes " + string.Join(",", s.KeyHashes),
            // Each distinct type and field name is one string (interned per file, also across the parts).
            $"distinct names {file.Entries.SelectMany(e => e.Fields.Keys.Append(e.Type)).Distinct(ReferenceEqualityComparer.Instance).Count()}"
                + $" {file.Entries.SelectMany(e => e.Fields.Keys.Append(e.Type)).Distinct(StringComparer.Ordinal).Count()}",
        ];
    }
}
