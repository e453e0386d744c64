using CiteLsp.Core.Configuration;
using CiteLsp.Core.Diagnostics;
using CiteLsp.Core.Edits;
using CiteLsp.Core.Text;
using CiteLsp.Server.Analysis;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Protocol;

/// <summary>Domain results (offsets, spans, file edits) to LSP objects, through the negotiated <see cref="PositionConverter"/>.</summary>
internal static class LspConvert
{
    public const string Source = "citelsp";

    public static int Severity(DiagnosticLevel level) => level switch
    {
        DiagnosticLevel.Error => DiagnosticSeverity.Error,
        DiagnosticLevel.Warning => DiagnosticSeverity.Warning,
        DiagnosticLevel.Information => DiagnosticSeverity.Information,
        _ => DiagnosticSeverity.Hint,
    };

    public static Diagnostic ToDiagnostic(CiteDiagnostic d, TextDocument document, PositionConverter positions, WorkspaceSnapshot snapshot) =>
        new(positions.ToRange(document, d.Span.Start, d.Span.Length), Severity(d.Severity), d.Code, Source, d.Message)
        {
            Data = d.Key is null ? null : new { key = d.Key },
            RelatedInformation = d.Related is { } related && ToLocation(related, positions, snapshot) is { } where
                ? [new DiagnosticRelatedInformation(where, "first defined here")]
                : null,
        };

    public static Location? ToLocation(SourceSpan span, PositionConverter positions, WorkspaceSnapshot snapshot) =>
        ToLocations([span], positions, snapshot)[0];

    /// <summary>
    /// Many locations, in order; null where a file cannot be read. Open documents use the editor's text, loaded
    /// catalog files their own line index (a 60 MB .bib is not re-read for one position), other files are read once.
    /// </summary>
    public static IReadOnlyList<Location?> ToLocations(IEnumerable<SourceSpan> spans, PositionConverter positions, WorkspaceSnapshot snapshot)
    {
        var files = new Dictionary<string, Func<SourceSpan, Range>?>(StringComparer.Ordinal);
        var result = new List<Location?>();
        foreach (var span in spans)
        {
            if (!files.TryGetValue(span.Path, out var toRange)) files[span.Path] = toRange = RangeMaker(span.Path, positions, snapshot);
            result.Add(toRange is null ? null : new Location(FileTexts.UriOf(snapshot, span.Path), toRange(span)));
        }
        return result;
    }

    private static Func<SourceSpan, Range>? RangeMaker(string path, PositionConverter positions, WorkspaceSnapshot snapshot)
    {
        if (!snapshot.Documents.Values.Any(d => d.Path == path) && snapshot.Catalogs.Get(path) is { } catalog)
            return s => new Range(positions.ToPosition(catalog, s.Start), positions.ToPosition(catalog, s.End));
        return FileTexts.Get(snapshot, path) is { } file ? s => positions.ToRange(file, s.Start, s.Length) : null;
    }

    /// <summary>One WorkspaceEdit for all files; null when a file to edit cannot be read (its positions would be guesses).</summary>
    public static WorkspaceEdit? ToWorkspaceEdit(IEnumerable<FileEdit> edits, PositionConverter positions, WorkspaceSnapshot snapshot)
    {
        var changes = new Dictionary<string, IReadOnlyList<TextEdit>>(StringComparer.Ordinal);
        foreach (var group in edits.GroupBy(e => e.Path, StringComparer.Ordinal))
        {
            if (RangeMaker(group.Key, positions, snapshot) is not { } toRange) return null;
            changes[FileTexts.UriOf(snapshot, group.Key)] = group.SelectMany(f => f.Edits).Select(e => new TextEdit(toRange(e.Span), e.NewText)).ToList();
        }
        return new WorkspaceEdit(changes);
    }
}
