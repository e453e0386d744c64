using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Rendering;

namespace CiteLsp.Core.InlayHints;

/// <summary>Who is cited, after each resolved key in [start, end): unresolved keys get no hint (diagnostics cover them).</summary>
public static class CitationInlayHints
{
    public static IReadOnlyList<CitationInlayHint> Compute(IReadOnlyList<Citation> citations, int start, int end, Catalog resolution)
    {
        var hints = new List<CitationInlayHint>();
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in citations)
        {
            if (c.KeySpan.End < start || c.KeySpan.Start > end) continue;
            if (!labels.TryGetValue(c.Key, out var label))
            {
                label = resolution.Find(c.Key) is { } e ? ReferenceCard.ShortLabel(e) : "";
                labels[c.Key] = label;
            }
            if (label.Length > 0) hints.Add(new CitationInlayHint(c.KeySpan.End, label, c.Key));
        }
        return hints;
    }
}
