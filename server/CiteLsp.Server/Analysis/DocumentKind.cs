using CiteLsp.Core.Citations;
using CiteLsp.Server.Catalogs;

namespace CiteLsp.Server.Analysis;

internal enum DocumentKind { Latex, Markdown, Bibliography, Other }

/// <summary>What a document is: the scanned syntaxes from <see cref="DocumentLanguages"/>, plus .bib files (CONTRACTS.md).</summary>
internal static class DocumentKinds
{
    public static DocumentKind Of(string languageId, string path) => DocumentLanguages.SyntaxOf(languageId, path) switch
    {
        DocumentSyntax.Latex => DocumentKind.Latex,
        DocumentSyntax.Markdown => DocumentKind.Markdown,
        _ => languageId is "bibtex" or "bib" || Path.GetExtension(path).Equals(".bib", StringComparison.OrdinalIgnoreCase)
            ? DocumentKind.Bibliography : DocumentKind.Other,
    };
}
