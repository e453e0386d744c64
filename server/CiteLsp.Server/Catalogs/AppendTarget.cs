using CiteLsp.Server.Analysis;

namespace CiteLsp.Server.Catalogs;

/// <summary>The file a library entry is added to when cited: the document's first bibliography file its compiler reads.</summary>
internal static class AppendTarget
{
    public static string? PathFor(DocumentCatalogView view, DocumentKind kind)
    {
        foreach (var source in view.Sources)
        {
            if (source.Role != CatalogRole.Bibliography || source.IsEmbedded) continue;
            var extension = Path.GetExtension(source.Path).ToLowerInvariant();
            // LaTeX reads .bib only; pandoc also reads CSL-JSON and CSL-YAML.
            if (extension == ".bib" || (kind == DocumentKind.Markdown && extension is ".json" or ".yaml" or ".yml")) return source.Path;
        }
        return null;
    }
}
