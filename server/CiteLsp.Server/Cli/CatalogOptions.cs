using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Text;
using CiteLsp.Server.Catalogs;

namespace CiteLsp.Server.Cli;

/// <summary>Loads the catalogs a CLI command works on: the named --catalog files, else the embedded seeds.</summary>
internal static class CatalogOptions
{
    public static Catalog Load(CliArgs args, TextWriter stderr)
    {
        var paths = args.All("--catalog");
        foreach (var p in paths)
            if (!File.Exists(p)) throw new InputException($"catalog not found: {p}");
        var files = paths.Count == 0 ? EmbeddedSeeds.Load() : paths.Select(CatalogLoader.Load).ToList();
        foreach (var file in files) Report(file, stderr);
        return Catalog.Build(files);
    }

    /// <summary>Prints each diagnostic as "file:line:col: warning: message", the format compilers use.</summary>
    public static void Report(CatalogFile file, TextWriter stderr)
    {
        foreach (var d in file.Diagnostics)
        {
            var (line, col) = file.Lines.GetPosition(d.Span.Start);
            var level = d.Severity switch { Severity.Error => "error", Severity.Warning => "warning", _ => "note" };
            stderr.WriteLine($"{d.Span.Path}:{line + 1}:{col + 1}: {level}: {d.Message} [{d.Code}]");
        }
    }
}

internal sealed class InputException(string message) : Exception(message);
