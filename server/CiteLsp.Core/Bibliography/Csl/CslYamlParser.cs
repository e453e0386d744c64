using CiteLsp.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CiteLsp.Core.Bibliography.Csl;

/// <summary>
/// CSL-YAML as pandoc reads it: a list of items, or a mapping with a "references:" list, possibly as the YAML
/// front matter of a Markdown document.
/// </summary>
public static class CslYamlParser
{
    public const string Format = "csl-yaml";

    /// <summary>Starts with a YAML document marker, a "references:" key or a list item.</summary>
    public static bool Detect(string text)
    {
        foreach (var raw in text.AsSpan().EnumerateLines())
        {
            var line = raw.TrimEnd();
            if (line.IsEmpty || line[0] == '#' || (line.Length > 0 && line[0] == '\uFEFF' && line.Length == 1)) continue;
            line = line.TrimStart('\uFEFF');
            return line is "---" || line.StartsWith("references:", StringComparison.Ordinal) || line.StartsWith("- ", StringComparison.Ordinal);
        }
        return false;
    }

    /// <summary>A whole file: plain CSL-YAML, or a Markdown document whose front matter holds "references:".</summary>
    public static CatalogFile Parse(string path, string text)
    {
        var (start, length) = FrontMatter(text);
        var file = ParseFrontMatter(path, text.Substring(start, length), start);
        return file with { Lines = new LineIndex(text) };
    }

    /// <summary>
    /// Parses YAML text (e.g. the front matter block a Markdown scanner found) whose first character is at
    /// <paramref name="offset"/> in the file, so spans point into the whole document.
    /// </summary>
    public static CatalogFile ParseFrontMatter(string path, string yaml, int offset = 0)
    {
        var entries = new List<Entry>();
        var diagnostics = new List<CatalogDiagnostic>();
        try
        {
            var stream = SafeYaml.Load(yaml);
            var root = stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
            var items = root switch
            {
                YamlSequenceNode seq => seq,
                YamlMappingNode map when map.Children.TryGetValue(new YamlScalarNode("references"), out var refs) => refs as YamlSequenceNode,
                _ => null,
            };
            foreach (var node in items?.Children ?? [])
            {
                if (node is not YamlMappingNode item) continue;
                var budget = NodeBudget;
                if (ToTree(item, 0, ref budget) is not Dictionary<string, object?> tree) continue;
                var start = offset + (int)item.Start.Index;
                var idNode = item.Children.TryGetValue(new YamlScalarNode("id"), out var n) ? n : null;
                var keyStart = idNode is YamlScalarNode s
                    ? offset + (int)s.Start.Index + (s.Style is YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.SingleQuoted ? 1 : 0)
                    : start;
                var keyLength = idNode is YamlScalarNode v ? v.Value?.Length ?? 0 : 1;
                var keySpan = new SourceSpan(path, keyStart, Math.Max(0, Math.Min(keyLength, offset + yaml.Length - keyStart)));
                // YamlDotNet's end mark of a mapping that ends the text can lie before its last value: cover the id at least.
                var end = Math.Max(offset + (int)item.End.Index, keySpan.End);
                var location = new SourceSpan(path, start, Math.Max(0, end - start));
                var entry = CslItemMapper.Map(tree, location, keySpan);
                if (entry is null)
                    diagnostics.Add(new CatalogDiagnostic(Severity.Error, "csl-missing-id", "CSL item without an \"id\": it cannot be cited and is skipped", new SourceSpan(path, start, 1)));
                else entries.Add(entry);
            }
        }
        catch (YamlException ex)
        {
            var at = offset + (int)Math.Clamp(ex.Start.Index, 0, yaml.Length);
            diagnostics.Add(new CatalogDiagnostic(Severity.Error, "csl-syntax", $"invalid YAML: {ex.Message}", new SourceSpan(path, at, 0)));
        }
        return new CatalogFile(path, Format, entries, diagnostics, new LineIndex(yaml));
    }

    /// <summary>The YAML to read: between a leading "---" line and the next "---" or "..." line, else the whole text.</summary>
    private static (int Start, int Length) FrontMatter(string text)
    {
        var bom = text.StartsWith('\uFEFF') ? 1 : 0;
        if (!text.AsSpan(bom).StartsWith("---", StringComparison.Ordinal)) return (0, text.Length);
        var bodyStart = text.IndexOf('\n', bom);
        if (bodyStart < 0) return (0, text.Length);
        bodyStart++;
        for (var p = bodyStart; p < text.Length;)
        {
            var eol = text.IndexOf('\n', p);
            var line = text.AsSpan(p, (eol < 0 ? text.Length : eol) - p).TrimEnd();
            if (line is "---" or "...") return (bodyStart, p - bodyStart);
            if (eol < 0) break;
            p = eol + 1;
        }
        return (bodyStart, text.Length - bodyStart);
    }

    private const int MaxDepth = 64;
    /// <summary>Nodes one item may expand to: YAML aliases can make a small file expand exponentially.</summary>
    private const int NodeBudget = 100_000;

    /// <summary>A YAML node as a plain tree (maps, lists, strings); too deep or too big is cut off.</summary>
    private static object? ToTree(YamlNode node, int depth, ref int budget)
    {
        if (depth > MaxDepth || --budget < 0) return null;
        switch (node)
        {
            case YamlScalarNode s: return s.Value;
            case YamlSequenceNode seq:
                var list = new List<object?>(seq.Children.Count);
                foreach (var c in seq.Children) list.Add(ToTree(c, depth + 1, ref budget));
                return list;
            case YamlMappingNode map:
                var d = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, v) in map.Children)
                    if (k is YamlScalarNode { Value: { } key }) d[key] = ToTree(v, depth + 1, ref budget);
                return d;
            default: return null;
        }
    }
}
