using CiteLsp.Core.Bibliography.Export;

namespace CiteLsp.Server.Cli;

/// <summary>citelsp export --format bibtex|csl-json [--output FILE]; exit 1 when a catalog reported problems.</summary>
internal static class ExportCommand
{
    public static int Run(CliArgs args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Positional.Count != 0) throw new UsageException("export takes no arguments");
        var format = args.Last("--format") ?? throw new UsageException("export needs --format bibtex|csl-json");
        var catalog = CatalogOptions.Load(args, stderr);
        var text = format switch
        {
            "bibtex" or "bib" => BibtexWriter.Write(catalog.Entries),
            "csl-json" or "json" => CslJsonWriter.Write(catalog.Entries),
            _ => throw new UsageException($"unknown format '{format}' (bibtex or csl-json)"),
        };
        var output = args.Last("--output");
        if (output is null) stdout.Write(text);
        else
        {
            try { File.WriteAllText(output, text); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw new InputException($"cannot write {output}: {ex.Message}"); }
        }
        return catalog.Diagnostics.Count > 0 ? 1 : 0;
    }
}
