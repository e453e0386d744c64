using CiteLsp.Core.Configuration;
using CiteLsp.Server.Configuration;
using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Configuration;

public class SettingsParserTests
{
    private static (CiteLspSettings Settings, List<string> Warnings) Parse(string json)
    {
        var warnings = new List<string>();
        return (SettingsParser.Parse(JToken.Parse(json), warnings.Add), warnings);
    }

    [Fact]
    public void Missing_section_gives_the_documented_defaults()
    {
        var s = SettingsParser.Parse(null, _ => Assert.Fail("no warning expected"));
        Assert.Empty(s.Bibliography);
        Assert.Empty(s.Library);
        Assert.True(s.SeedsEnabled);
        Assert.Equal(50, s.CompletionLimit);
        Assert.True(s.CompletionAddToBibliography);
        Assert.True(s.DiagnosticsEnabled);
        Assert.Equal(DiagnosticLevel.Warning, s.DiagnosticsSeverity);
        Assert.False(s.InlayHintsEnabled);
        Assert.Equal(1024, s.MaxCatalogSizeMB);
        Assert.Equal(16, s.MaxDocumentSizeMB);
    }

    [Fact]
    public void Nested_objects_as_vscode_sends_them()
    {
        var (s, warnings) = Parse("""
            { "bibliography": ["refs.bib", "more/*.bib"], "library": ["~/zotero.bib"], "seeds": { "enabled": false },
              "completion": { "limit": 20, "addToBibliography": false }, "diagnostics": { "enabled": false, "severity": "error" },
              "inlayHints": { "enabled": true }, "latex": { "citationCommands": ["mycite"] },
              "limits": { "maxCatalogSizeMB": 2.5, "maxDocumentSizeMB": 1 } }
            """);
        Assert.Empty(warnings);
        Assert.Equal(["refs.bib", "more/*.bib"], s.Bibliography);
        Assert.Equal(["~/zotero.bib"], s.Library);
        Assert.False(s.SeedsEnabled);
        Assert.Equal(20, s.CompletionLimit);
        Assert.False(s.CompletionAddToBibliography);
        Assert.False(s.DiagnosticsEnabled);
        Assert.Equal(DiagnosticLevel.Error, s.DiagnosticsSeverity);
        Assert.True(s.InlayHintsEnabled);
        Assert.Equal(["mycite"], s.LatexCitationCommands);
        Assert.Equal(2.5, s.MaxCatalogSizeMB);
        Assert.Equal(1024 * 1024, s.MaxDocumentBytes);
    }

    [Fact]
    public void Flat_dotted_keys_and_a_single_string_for_a_list()
    {
        var (s, warnings) = Parse("""{ "seeds.enabled": false, "bibliography": "refs.bib", "diagnostics.severity": "hint" }""");
        Assert.Empty(warnings);
        Assert.False(s.SeedsEnabled);
        Assert.Equal(["refs.bib"], s.Bibliography);
        Assert.Equal(DiagnosticLevel.Hint, s.DiagnosticsSeverity);
    }

    [Fact]
    public void Wrong_types_keep_the_default_and_warn_once_each()
    {
        var (s, warnings) = Parse("""{ "completion": { "limit": 0 }, "seeds": { "enabled": "yes" }, "bibliography": [1], "diagnostics": { "severity": "fatal" }, "library": ["ok.bib"] }""");
        Assert.Equal(50, s.CompletionLimit);
        Assert.True(s.SeedsEnabled);
        Assert.Empty(s.Bibliography);
        Assert.Equal(DiagnosticLevel.Warning, s.DiagnosticsSeverity);
        Assert.Equal(["ok.bib"], s.Library);
        Assert.Equal(4, warnings.Count);
    }

    [Fact]
    public void Section_is_found_inside_a_whole_settings_object()
    {
        Assert.NotNull(SettingsParser.Section(JToken.Parse("""{ "citelsp": { "library": [] } }""")));
        Assert.Null(SettingsParser.Section(JToken.Parse("""{ "other": {} }""")));
        Assert.Null(SettingsParser.Section(null));
    }
}
