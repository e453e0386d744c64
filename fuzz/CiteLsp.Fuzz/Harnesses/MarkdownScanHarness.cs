using CiteLsp.Core.Citations;
using CiteLsp.Fuzz.Engine;

namespace CiteLsp.Fuzz.Harnesses;

/// <summary>The Pandoc Markdown citation scanner and completion context on any text.</summary>
internal sealed class MarkdownScanHarness : Harness
{
    public override string Name => "markdown";
    public override string Description => "MarkdownCitationScanner.Analyze + CitationContext.Find (Markdown)";
    public override IReadOnlyList<string> SeedExtensions => [".md", ".rmd", ".qmd", ".yaml", ".yml"];
    public override IReadOnlyList<string> Tokens =>
        ["[@", "[-@", "; @", "@{", "@{odd key}", "[see @a, p. 3; @b]", "](", "[@a]: doi:", "<http://x@y>", "a@b.c", "{#fig:x}", "@fig:",
         "---\nbibliography: x.bib\n---\n", "\n    ", "\n```\n", "\n~~~\n", "``", "<!--", "-->", "\\@", "*@", "_", "> ", "- ", "1. "];

    public override void Run(byte[] input)
    {
        var text = FuzzText.Decode(input);
        var scan = MarkdownCitationScanner.Analyze("fuzz.md", text);
        CitationChecks.Citations(scan.Citations, text, DocumentSyntax.Markdown);
        if (scan.FrontMatter is { } front) Check.Inside(front.Span, text, "front matter");
        foreach (var key in scan.LinkKeys) Check.Inside(key.KeySpan, text, $"link key {key.Key}");
        foreach (var skipped in scan.Skipped)
        {
            Check.Inside(skipped, text, "skipped region");
            Check.That(!scan.Citations.Any(c => c.KeySpan.Start >= skipped.Start && c.KeySpan.End <= skipped.End && c.KeySpan.Length > 0),
                "citation-in-skipped", () => $"a citation inside the skipped region [{skipped.Start}, +{skipped.Length}]");
        }
        CitationChecks.Contexts(text, DocumentSyntax.Markdown, null, input.Length * 31 + (input.Length > 0 ? input[^1] : 0));
    }
}
