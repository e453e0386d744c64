using CiteLsp.Core.Citations;
using CiteLsp.Core.Text;
using CiteLsp.Fuzz.Engine;

namespace CiteLsp.Fuzz.Harnesses;

/// <summary>Properties of a citation scan: spans inside the text, keys where they say, order, no overlaps; completion contexts at cursors.</summary>
internal static class CitationChecks
{
    public static void Citations(IReadOnlyList<Citation> citations, string text, DocumentSyntax syntax)
    {
        var previousEnd = 0;
        foreach (var c in citations)
        {
            // Markdown may hold raw LaTeX (\cite in R Markdown), reported with LaTeX syntax; LaTeX never holds Pandoc citations.
            Check.That(syntax == DocumentSyntax.Markdown || c.Syntax == DocumentSyntax.Latex, "citation-syntax", () => $"{c.Syntax} citation {c.Key} in a LaTeX file");
            Check.Inside(c.KeySpan, text, $"key {c.Key}");
            Check.Inside(c.CommandSpan, text, $"command of {c.Key}");
            Check.Inside(c.KeySpan, c.CommandSpan, $"key {c.Key} in its command");
            Check.That(c.Key.Length > 0, "citation-key", () => $"empty key at {c.KeySpan.Start}");
            Check.That(c.KeySpan.Start >= previousEnd, "citations-overlap",
                () => $"key {c.Key} at {c.KeySpan.Start} starts before the previous key ends ({previousEnd})");
            previousEnd = c.KeySpan.End;
        }
        // Commands: keys of one command share its span; two commands are disjoint or nested (a Pandoc bracket
        // may hold another), never partly overlapping.
        var open = new Stack<SourceSpan>();
        foreach (var span in citations.Select(c => c.CommandSpan).Distinct().OrderBy(s => s.Start).ThenByDescending(s => s.End))
        {
            while (open.Count > 0 && open.Peek().End <= span.Start) open.Pop();
            Check.That(open.Count == 0 || span.End <= open.Peek().End, "commands-overlap",
                () => $"command [{span.Start}, +{span.Length}] partly overlaps [{open.Peek().Start}, +{open.Peek().Length}]");
            open.Push(span);
        }
    }

    /// <summary>Completion context at a few cursor positions derived from the input (deterministic per input).</summary>
    public static void Contexts(string text, DocumentSyntax syntax, LatexScanOptions? options, int salt)
    {
        var offsets = new[] { 0, text.Length, text.Length / 2, (salt & 0x7fffffff) % (text.Length + 1), text.IndexOf('{') + 1, text.IndexOf('@') + 1, text.LastIndexOf(',') };
        foreach (var offset in offsets.Where(o => o >= 0 && o <= text.Length))
        {
            var context = CitationContext.Find(text, offset, syntax, options, "fuzz");
            if (context is null) continue;
            Check.Inside(context.PartialKeySpan, text, "completion key");
            Check.That(context.PartialKeySpan.Start <= offset && offset <= context.PartialKeySpan.End, "context-contains-cursor",
                () => $"cursor {offset} outside [{context.PartialKeySpan.Start}, +{context.PartialKeySpan.Length}]");
            Check.Equal(text[context.PartialKeySpan.Start..offset], context.Query, "context-query", $"query at {offset}");
        }
    }
}
