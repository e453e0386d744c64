using CiteLsp.Core.Citations;
using CiteLsp.Core.Text;

namespace CiteLsp.Server.State;

internal enum DocumentKind { Other, Latex, Markdown, Bibliography }

/// <summary>What a document is, from its language id (CONTRACTS.md), else from its file extension.</summary>
internal static class DocumentKinds
{
    public static DocumentKind Of(TextDocument document)
    {
        var extension = Path.GetExtension(document.Path).ToLowerInvariant();
        return document.LanguageId.ToLowerInvariant() switch
        {
            "latex" or "tex" or "plaintex" or "plain-tex" or "context" => DocumentKind.Latex,
            "markdown" or "quarto" or "rmd" or "pandoc" => DocumentKind.Markdown,
            "bibtex" or "bib" => DocumentKind.Bibliography,
            _ => extension switch
            {
                ".tex" or ".ltx" or ".sty" or ".cls" or ".rnw" => DocumentKind.Latex,
                ".md" or ".markdown" or ".qmd" or ".rmd" => DocumentKind.Markdown,
                ".bib" => DocumentKind.Bibliography,
                _ => DocumentKind.Other,
            },
        };
    }

    public static DocumentSyntax? Syntax(DocumentKind kind) => kind switch
    {
        DocumentKind.Latex => DocumentSyntax.Latex,
        DocumentKind.Markdown => DocumentSyntax.Markdown,
        _ => null,
    };
}
