using CiteLsp.Core.Citations;

namespace CiteLsp.Server.Catalogs;

/// <summary>Which citation syntax an editor's language id means (CONTRACTS.md "Language ids accepted").</summary>
internal static class DocumentLanguages
{
    /// <summary>Null for documents that are not scanned for citations (bib files, other languages).</summary>
    public static DocumentSyntax? SyntaxOf(string languageId, string path) => languageId switch
    {
        "latex" or "tex" or "plaintex" or "plain-tex" or "context" => DocumentSyntax.Latex,
        "markdown" or "quarto" or "rmd" or "pandoc" => DocumentSyntax.Markdown,
        "bibtex" or "bib" => null,
        // Emacs without a markdown mode says "fundamental"; some clients say "plaintext": go by the extension.
        _ => Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".tex" or ".ltx" => DocumentSyntax.Latex,
            ".md" or ".markdown" or ".qmd" or ".rmd" => DocumentSyntax.Markdown,
            _ => null,
        },
    };
}
