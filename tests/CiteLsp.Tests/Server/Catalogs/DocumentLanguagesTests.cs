using CiteLsp.Core.Citations;
using CiteLsp.Server.Catalogs;

namespace CiteLsp.Tests.Server.Catalogs;

public class DocumentLanguagesTests
{
    [Theory]
    [InlineData("latex", "/a/x.txt", DocumentSyntax.Latex)]
    [InlineData("tex", "/a/x.tex", DocumentSyntax.Latex)]
    [InlineData("plaintex", "/a/x.tex", DocumentSyntax.Latex)]
    [InlineData("plain-tex", "/a/x.tex", DocumentSyntax.Latex)]
    [InlineData("context", "/a/x.tex", DocumentSyntax.Latex)]
    [InlineData("markdown", "/a/x.txt", DocumentSyntax.Markdown)]
    [InlineData("quarto", "/a/x.qmd", DocumentSyntax.Markdown)]
    [InlineData("rmd", "/a/x.Rmd", DocumentSyntax.Markdown)]
    [InlineData("pandoc", "/a/x", DocumentSyntax.Markdown)]
    [InlineData("fundamental", "/a/x.md", DocumentSyntax.Markdown)]
    public void Scanned_languages(string languageId, string path, DocumentSyntax expected) =>
        Assert.Equal(expected, DocumentLanguages.SyntaxOf(languageId, path));

    [Theory]
    [InlineData("bibtex", "/a/refs.bib")]
    [InlineData("bib", "/a/refs.tex")]
    [InlineData("fundamental", "/a/notes.txt")]
    [InlineData("python", "/a/x.py")]
    public void Not_scanned(string languageId, string path) => Assert.Null(DocumentLanguages.SyntaxOf(languageId, path));
}
