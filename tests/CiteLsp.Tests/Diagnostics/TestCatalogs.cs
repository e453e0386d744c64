using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Citations;
using CiteLsp.Core.Diagnostics;
using CiteLsp.Core.Text;
using CiteLsp.Core.Workspace;

namespace CiteLsp.Tests.Diagnostics;

/// <summary>Small catalogs and scopes built in memory, so rule tests do not depend on a parser.</summary>
internal static class TestCatalogs
{
    public static Catalog Of(string path, params string[] keys)
    {
        var offset = 0;
        var entries = new List<Entry>();
        foreach (var key in keys)
        {
            // As a .bib would place them: "@misc{key,\n}\n" → the key starts 6 characters in.
            var location = new SourceSpan(path, offset, key.Length + 10);
            entries.Add(new Entry { Key = key, Title = "Title of " + key, Location = location, KeyLocation = new SourceSpan(path, offset + 6, key.Length) });
            offset += key.Length + 10;
        }
        return Catalog.Build([new CatalogFile(path, "bibtex", entries, [], new LineIndex(""))]);
    }

    public static ResolutionScope Scope(Catalog bibliography, Catalog library, BibliographyBackend backend, bool declares = true) =>
        new(bibliography, declares, library, backend,
            bibliography.Files.Select(f => Path.GetFileName(f.Path)).ToList(),
            library.Files.Select(f => CitationRule.DisplayName(f.Path)).ToList());

    /// <summary>Citations for every "[|key|]" range of marked text, all in one command, as the scanners report them.</summary>
    public static (string Text, List<Citation> Citations) Cite(string marked, string path = "doc.tex", DocumentSyntax syntax = DocumentSyntax.Latex)
    {
        var m = Markup.Parse(marked);
        var citations = m.Ranges.Select(r => new Citation(m.Text.Substring(r.Start, r.Length), new SourceSpan(path, r.Start, r.Length),
            new SourceSpan(path, 0, m.Text.Length), syntax == DocumentSyntax.Latex ? "\\cite" : "[@]", syntax)).ToList();
        return (m.Text, citations);
    }
}
