namespace CiteLsp.Core.Rendering;

/// <summary>Renders LaTeX-flavoured bibliography text (titles, names, abstracts) for display.</summary>
public static class LatexToMarkdown
{
    /// <summary>Markdown that renders literally: emphasis, inline math and links kept, everything else escaped.</summary>
    public static string Convert(string latex) => new TexRenderer(latex, markdown: true).Render();

    /// <summary>The same text without any Markdown (inlay hints, details, plain labels).</summary>
    public static string ToPlainText(string latex) => new TexRenderer(latex, markdown: false).Render();
}
