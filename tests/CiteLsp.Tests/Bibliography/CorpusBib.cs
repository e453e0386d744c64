using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;

namespace CiteLsp.Tests.Bibliography;

/// <summary>A real .bib file of the shared corpus, read and parsed: what the reload tests edit.</summary>
internal static class CorpusBib
{
    /// <summary>A real 1 MB library.</summary>
    public const string Library = "bib/large/jgrey4296-main-2025.bib";

    /// <summary>Every .bib of the corpus, relative to it (for theories over all of them).</summary>
    public static TheoryData<string> AllFiles()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.EnumerateFiles(TestPaths.Corpus, "*.bib", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(TestPaths.Corpus, f));
        return data;
    }

    public static (string Path, string Text, CatalogFile File) Parse(string relative = Library)
    {
        var path = TestPaths.CorpusFile(relative);
        var text = File.ReadAllText(path);
        return (path, text, BibtexParser.Parse(path, text));
    }
}
