using CiteLsp.Core.Configuration;
using Newtonsoft.Json.Linq;

namespace CiteLsp.Server.Configuration;

/// <summary>
/// Reads the <c>citelsp</c> settings section as editors send it: nested objects (VS Code's
/// <c>getConfiguration("citelsp")</c>) or flat dotted keys ("seeds.enabled"). A value of the wrong type keeps
/// its default and is reported, so one typo never disables everything else.
/// </summary>
internal static class SettingsParser
{
    public static CiteLspSettings Parse(JToken? section, Action<string> warn)
    {
        var s = CiteLspSettings.Default;
        if (section is not JObject obj) return s;
        var reader = new Reader(obj, warn);
        return s with
        {
            Bibliography = reader.Strings("bibliography") ?? s.Bibliography,
            Library = reader.Strings("library") ?? s.Library,
            SeedsEnabled = reader.Bool("seeds.enabled") ?? s.SeedsEnabled,
            CompletionLimit = reader.Int("completion.limit", min: 1) ?? s.CompletionLimit,
            CompletionAddToBibliography = reader.Bool("completion.addToBibliography") ?? s.CompletionAddToBibliography,
            DiagnosticsEnabled = reader.Bool("diagnostics.enabled") ?? s.DiagnosticsEnabled,
            DiagnosticsSeverity = reader.Level("diagnostics.severity") ?? s.DiagnosticsSeverity,
            InlayHintsEnabled = reader.Bool("inlayHints.enabled") ?? s.InlayHintsEnabled,
            LatexCitationCommands = reader.Strings("latex.citationCommands") ?? s.LatexCitationCommands,
            MaxCatalogSizeMB = reader.Number("limits.maxCatalogSizeMB") ?? s.MaxCatalogSizeMB,
            FieldsOnDiskAboveMB = reader.Number("limits.fieldsOnDiskAboveMB") ?? s.FieldsOnDiskAboveMB,
            MaxDocumentSizeMB = reader.Number("limits.maxDocumentSizeMB") ?? s.MaxDocumentSizeMB,
        };
    }

    /// <summary>The <c>citelsp</c> section inside a whole-settings object ({ "citelsp": {...} }), if any.</summary>
    public static JToken? Section(JToken? settings) =>
        settings is JObject o && o.TryGetValue("citelsp", StringComparison.Ordinal, out var v) ? v : null;

    private sealed class Reader(JObject root, Action<string> warn)
    {
        private JToken? Get(string dotted)
        {
            if (root.TryGetValue(dotted, StringComparison.Ordinal, out var flat)) return flat;
            JToken? node = root;
            foreach (var part in dotted.Split('.'))
            {
                if (node is not JObject o || !o.TryGetValue(part, StringComparison.Ordinal, out node)) return null;
            }
            return node;
        }

        private T? Bad<T>(string key, JToken value, string expected)
        {
            warn($"setting citelsp.{key}: expected {expected}, got {value.Type}; using the default");
            return default;
        }

        public IReadOnlyList<string>? Strings(string key) => Get(key) switch
        {
            null or { Type: JTokenType.Null } => null,
            JValue { Type: JTokenType.String } v => [(string)v!],
            JArray a when a.All(t => t.Type == JTokenType.String) => a.Select(t => (string)t!).Where(t => t.Length > 0).ToList(),
            var v => Bad<IReadOnlyList<string>>(key, v, "a list of strings"),
        };

        public bool? Bool(string key) => Get(key) switch
        {
            null or { Type: JTokenType.Null } => null,
            JValue { Type: JTokenType.Boolean } v => (bool)v,
            var v => Bad<bool?>(key, v, "true or false"),
        };

        public int? Int(string key, int min) => Get(key) switch
        {
            null or { Type: JTokenType.Null } => null,
            JValue { Type: JTokenType.Integer or JTokenType.Float } v when (double)v >= min && (double)v <= int.MaxValue => (int)(double)v,
            var v => Bad<int?>(key, v, $"an integer >= {min}"),
        };

        public double? Number(string key) => Get(key) switch
        {
            null or { Type: JTokenType.Null } => null,
            JValue { Type: JTokenType.Integer or JTokenType.Float } v when (double)v > 0 => (double)v,
            var v => Bad<double?>(key, v, "a positive number"),
        };

        public DiagnosticLevel? Level(string key) => Get(key) switch
        {
            null or { Type: JTokenType.Null } => null,
            JValue { Type: JTokenType.String } v when (string?)v is "error" => DiagnosticLevel.Error,
            JValue { Type: JTokenType.String } v when (string?)v is "warning" => DiagnosticLevel.Warning,
            JValue { Type: JTokenType.String } v when (string?)v is "information" => DiagnosticLevel.Information,
            JValue { Type: JTokenType.String } v when (string?)v is "hint" => DiagnosticLevel.Hint,
            var v => Bad<DiagnosticLevel?>(key, v, "\"error\", \"warning\", \"information\" or \"hint\""),
        };
    }
}
