using CiteLsp.Core.Citations;
using CiteLsp.Fuzz.Engine;

namespace CiteLsp.Fuzz.Harnesses;

/// <summary>The LaTeX citation scanner and completion context on any text, with and without extra cite commands.</summary>
internal sealed class LatexScanHarness : Harness
{
    private static readonly LatexScanOptions Extra = new(["mycite", "citeauthor*", "x"]);

    public override string Name => "latex";
    public override string Description => "LatexCitationScanner.Analyze + CitationContext.Find (LaTeX)";
    public override IReadOnlyList<string> SeedExtensions => [".tex", ".sty", ".cls", ".bbl", ".rmd"];
    public override IReadOnlyList<string> Tokens =>
        ["\\citep*[", "\\parencite", "\\autocites(pre)(post)[a][b]{", "\\textcite{", "\\citeauthor{", "\\mycite{", "\\newcommand{\\mc}[1]{\\cite{#1}}",
         "\\bibitem{", "\\bibitem[x]{", "\\begin{thebibliography}{9}", "\\begin{comment}", "\\end{comment}", "\\input{", "\\include{",
         "\\bibliographystyle{", "% !TEX root = ", "\\begin{document}", "\\verb+", "\\url{", "\\href{", "\\\\", "\\%", "\\{", "\\cite{a,b, c}", "#1"];

    public override void Run(byte[] input)
    {
        var text = FuzzText.Decode(input);
        var options = input.Length % 2 == 0 ? null : Extra;
        var scan = LatexCitationScanner.Analyze("fuzz.tex", text, options);
        CitationChecks.Citations(scan.Citations, text, DocumentSyntax.Latex);
        foreach (var item in scan.BibItems) Check.Inside(item.KeySpan, text, $"bibitem {item.Key}");
        foreach (var file in scan.EmbeddedFiles) Check.Inside(file.Span, text, $"filecontents {file.Name}");
        foreach (var reference in scan.References) Check.Inside(reference.Span, text, $"{reference.Kind} {reference.Value}");
        CitationChecks.Contexts(text, DocumentSyntax.Latex, options, input.Length * 31 + (input.Length > 0 ? input[0] : 0));
    }
}
