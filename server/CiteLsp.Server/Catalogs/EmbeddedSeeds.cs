using System.Reflection;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Server.Catalogs;

/// <summary>The seed catalogs compiled into the binary: the library served when nothing else is configured.</summary>
internal static class EmbeddedSeeds
{
    public const string Scheme = "embedded:";

    public static IReadOnlyList<CatalogFile> Load()
    {
        var asm = Assembly.GetExecutingAssembly();
        var files = new List<CatalogFile>();
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.StartsWith("seeds/", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            files.Add(CatalogLoader.Parse(Scheme + name, reader.ReadToEnd()));
        }
        return files;
    }
}
