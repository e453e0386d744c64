using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Edits;

namespace CiteLsp.Core.Fixes;

public enum TargetFormat { Bibtex, CslJson, CslYaml, FrontMatter }

/// <summary>The file an added entry goes to (the document's first bibliography file), with its current text.</summary>
public sealed record BibliographyTarget(string Path, string Text, TargetFormat Format)
{
    public string DisplayName => System.IO.Path.GetFileName(Path);

    /// <summary>The appending edit, or null when the file already has the key or has no safe place for it.</summary>
    public FileEdit? Append(Entry entry) => Format switch
    {
        TargetFormat.Bibtex => BibtexAppender.Append(Path, Text, entry),
        TargetFormat.CslJson => CslJsonAppender.Append(Path, Text, entry),
        TargetFormat.CslYaml => CslYamlAppender.AppendToFile(Path, Text, entry),
        _ => CslYamlAppender.AppendToFrontMatter(Path, Text, entry),
    };

    /// <summary>The format from the file name, as users name them (content detection is the parser's job).</summary>
    public static TargetFormat FormatOf(string path) => System.IO.Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".json" => TargetFormat.CslJson,
        ".yaml" or ".yml" => TargetFormat.CslYaml,
        ".md" or ".markdown" or ".rmd" or ".qmd" => TargetFormat.FrontMatter,
        _ => TargetFormat.Bibtex,
    };
}
