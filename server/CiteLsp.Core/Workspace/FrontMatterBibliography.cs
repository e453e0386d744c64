using CiteLsp.Core.Citations;
using CiteLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CiteLsp.Core.Workspace;

/// <summary>Reads Pandoc's bibliography: (string or list) and references: from YAML front matter.</summary>
internal static class FrontMatterBibliography
{
    /// <summary>Each bibliography value with its 0-based line inside the front matter; whether references: is present.</summary>
    public static (IReadOnlyList<(string Value, int Line)> Files, bool HasReferences) Read(FrontMatter front)
    {
        var files = new List<(string, int)>();
        try
        {
            var yaml = SafeYaml.Load(front.Text);
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode map) return (files, false);
            var hasReferences = false;
            foreach (var (keyNode, value) in map.Children)
            {
                if (keyNode is not YamlScalarNode { Value: { } key }) continue;
                if (key == "references") hasReferences = value is YamlSequenceNode { Children.Count: > 0 };
                if (key != "bibliography") continue;
                if (value is YamlScalarNode { Value: { Length: > 0 } one }) files.Add((one, (int)value.Start.Line - 1));
                else if (value is YamlSequenceNode seq)
                    foreach (var item in seq.Children)
                        if (item is YamlScalarNode { Value: { Length: > 0 } v }) files.Add((v, (int)item.Start.Line - 1));
            }
            return (files, hasReferences);
        }
        catch (YamlException)
        {
            return (files, false); // broken YAML declares nothing; pandoc would refuse it too
        }
    }
}
