using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Features;

/// <summary>textDocument/inlayHint over the real server process.</summary>
public class InlayHintTests
{
    private static Task<JToken> HintsAsync(FeatureWorkspace ws, string uri, string text) =>
        ws.Client.RequestAsync("textDocument/inlayHint", new { textDocument = new { uri }, range = FeatureWorkspace.Range(text, 0, text.Length) });

    [Fact]
    public async Task Off_by_default()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var (uri, _, m) = await ws.OpenAsync("off.tex", @"\cite{smith2020cats}", "latex");
        Assert.Empty((JArray)await HintsAsync(ws, uri, m.Text));
    }

    [Fact]
    public async Task After_each_resolved_key_in_latex_and_markdown()
    {
        await using var ws = await FeatureWorkspace.StartAsync(new { inlayHints = new { enabled = true } });
        var (uri, _, m) = await ws.OpenAsync("on.tex", "Ça 😀 \\citep{smith2020cats[||], missing, jones2019birds[||]}\r\nand \\cite{nakkiran2019deep}\r\n", "latex");
        var hints = (JArray)await HintsAsync(ws, uri, m.Text);
        Assert.Equal(["Smith and Lee 2020", "Jones 2019"], hints.Select(h => (string)h["label"]!));
        Assert.Equal(m.Ranges.Select(r => FeatureWorkspace.Range(m.Text, r.Start, 0)["start"]), hints.Select(h => h["position"]));
        Assert.All(hints, h => Assert.True((bool)h["paddingLeft"]!));

        var (md, _, mm) = await ws.OpenAsync("on.md", "See [@jones2019birds[||]; @smith2020cats[||]].\n", "markdown");
        var mdHints = (JArray)await HintsAsync(ws, md, mm.Text);
        Assert.Equal(["Jones 2019", "Smith and Lee 2020"], mdHints.Select(h => (string)h["label"]!));
        Assert.Equal(mm.Ranges.Select(r => FeatureWorkspace.Range(mm.Text, r.Start, 0)["start"]), mdHints.Select(h => h["position"]));
    }

    [Fact]
    public async Task Turning_the_setting_on_asks_the_client_to_refresh()
    {
        await using var ws = await FeatureWorkspace.StartAsync(capabilities: new { workspace = new { inlayHint = new { refreshSupport = true } } });
        var (uri, _, m) = await ws.OpenAsync("toggle.md", "See @jones2019birds.\n", "markdown");
        Assert.Empty((JArray)await HintsAsync(ws, uri, m.Text));

        var settings = (JObject)ws.Settings.DeepClone();
        settings.Merge(JObject.FromObject(new { inlayHints = new { enabled = true } }));
        await ws.Client.NotifyAsync("workspace/didChangeConfiguration", new { settings = new { citelsp = settings } });
        await LspClient.WaitUntilAsync(() => Volatile.Read(ref ws.Client.InlayHintRefreshes) > 0);
        Assert.Equal(["Jones 2019"], ((JArray)await HintsAsync(ws, uri, m.Text)).Select(h => (string)h["label"]!));
    }
}
