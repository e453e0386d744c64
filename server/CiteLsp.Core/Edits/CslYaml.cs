using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Edits;

/// <summary>
/// Renders one entry as a CSL-YAML list item in the block style Better BibTeX and pandoc write
/// ("- id: key", lists of mappings at the key's indentation, date-parts as a flow list).
/// </summary>
internal static partial class CslYaml
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Lines of the item, each starting with <paramref name="indent"/>, without line ends.</summary>
    public static List<string> ItemLines(Entry entry, string indent)
    {
        using var doc = JsonDocument.Parse(CslJsonAppender.ItemJson(entry, null));
        var lines = new List<string>();
        WriteMapping(lines, doc.RootElement, indent + "- ", indent + "  ");
        return lines;
    }

    private static void WriteMapping(List<string> lines, JsonElement mapping, string firstPrefix, string restPrefix)
    {
        var prefix = firstPrefix;
        foreach (var property in mapping.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Object)
            {
                lines.Add(prefix + property.Name + ":");
                WriteMapping(lines, value, restPrefix + "  ", restPrefix + "  ");
            }
            else if (value.ValueKind == JsonValueKind.Array && !IsFlat(value))
            {
                lines.Add(prefix + property.Name + ":");
                foreach (var item in value.EnumerateArray())
                    if (item.ValueKind == JsonValueKind.Object) WriteMapping(lines, item, restPrefix + "- ", restPrefix + "  ");
                    else lines.Add(restPrefix + "- " + Flow(item));
            }
            else lines.Add(prefix + property.Name + ": " + Flow(value));
            prefix = restPrefix;
        }
    }

    /// <summary>Arrays of scalars (or of such arrays, like date-parts) read best as flow lists.</summary>
    private static bool IsFlat(JsonElement array) =>
        array.EnumerateArray().All(e => e.ValueKind != JsonValueKind.Object && (e.ValueKind != JsonValueKind.Array || IsFlat(e)));

    private static string Flow(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "[" + string.Join(", ", value.EnumerateArray().Select(Flow)) + "]",
        JsonValueKind.String => Scalar(value.GetString()!),
        _ => value.GetRawText(),
    };

    /// <summary>Plain when unambiguous, else double-quoted (JSON string escapes are valid YAML).</summary>
    internal static string Scalar(string s) =>
        PlainSafe().IsMatch(s) && !Reserved().IsMatch(s) ? s : JsonSerializer.Serialize(s, Quoting);

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{N} _./()+-]*(?<! )$")]
    private static partial Regex PlainSafe();

    // YAML 1.1 readers (pandoc's among them) take these as booleans or null.
    [GeneratedRegex(@"^(?:true|false|yes|no|on|off|null|y|n)$", RegexOptions.IgnoreCase)]
    private static partial Regex Reserved();
}
