using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Features;

/// <summary>textDocument/hover over the real server process.</summary>
public class HoverTests
{
    [Fact]
    public async Task Latex_key_shows_the_card_and_the_key_range()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var (uri, position, m) = await ws.OpenAsync("h.tex", "Line one\r\nÉtude 😀 \\citep[see][p.~1]{jones2019birds, [|smith$02020cats|]}\r\n", "latex");
        var hover = await ws.HoverAsync(uri, position);
        Assert.Equal("markdown", (string?)hover["contents"]!["kind"]);
        Assert.Equal("""
            **On *Cats* and Their Owners**

            Ann Smith, Bo Lee · 2020 · Journal of Pets

            [doi:10.1000/cats](https://doi.org/10.1000/cats)

            ---

            Cats [jones2019birds] purr $k$ times.
            """, (string?)hover["contents"]!["value"]);
        var (start, length) = m.Ranges.Single();
        Assert.Equal(FeatureWorkspace.Range(m.Text, start, length), hover["range"]);
        Assert.Equal(1, (int)hover["range"]!["start"]!["line"]!);
    }

    [Fact]
    public async Task A_lean_library_reads_the_card_from_the_file_and_follows_its_changes()
    {
        // fieldsOnDiskAboveMB = 0: even this small .bib keeps only what completion shows (as a 600 MB library does).
        await using var ws = await FeatureWorkspace.StartAsync(new { limits = new { fieldsOnDiskAboveMB = 0 } });
        var (uri, position, _) = await ws.OpenAsync("h.tex", @"\cite{smith$02020cats}", "latex");
        Assert.EndsWith("---\n\nCats [jones2019birds] purr $k$ times.", (string)(await ws.HoverAsync(uri, position))["contents"]!["value"]!);

        File.WriteAllText(Path.Combine(ws.Dir.Path, "refs.bib"), "% moved down a line\n" + FeatureWorkspace.Bib.Replace("purr", "meow"));
        await ws.Client.NextStatusAsync();
        Assert.EndsWith("---\n\nCats [jones2019birds] meow $k$ times.", (string)(await ws.HoverAsync(uri, position))["contents"]!["value"]!);
    }

    [Fact]
    public async Task Markdown_key_unresolved_key_library_key_and_nothing()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var (uri, position, _) = await ws.OpenAsync("h.md", "Birds [-@jones2019b$0irds, p. 3] sing.\n", "markdown");
        Assert.StartsWith("**Birds of a Feather**\n\nBob Jones · 2019", (string)(await ws.HoverAsync(uri, position))["contents"]!["value"]!);

        var (uri2, position2, _) = await ws.OpenAsync("typo.md", "Cats @smith2020cast$0 purr.\n", "markdown");
        Assert.Equal("Unresolved citation `smith2020cast`: no such key in the bibliography.\n\nClosest keys: `smith2020cats` (Smith and Lee 2020)",
            (string?)(await ws.HoverAsync(uri2, position2))["contents"]!["value"]);

        var (uri3, position3, _) = await ws.OpenAsync("lib.tex", @"\cite{nakkiran2019d$0eep}", "latex");
        Assert.StartsWith("Unresolved citation `nakkiran2019deep`: no such key in the bibliography. It is in your library:",
            (string)(await ws.HoverAsync(uri3, position3))["contents"]!["value"]!);

        Assert.True(await ws.HoverAsync(uri, new { line = 0, character = 2 }) is null or { Type: JTokenType.Null });
    }

    [Fact]
    public async Task Entry_key_in_an_open_bib_file()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var text = FeatureWorkspace.Bib;
        var uri = ws.Dir.Uri("refs.bib");
        await ws.Client.OpenAsync(uri, text, "bibtex");
        var keyAt = text.IndexOf("{jones2019birds,", StringComparison.Ordinal) + 1;
        var hover = await ws.HoverAsync(uri, FeatureWorkspace.Position(text, keyAt + 3));
        Assert.Equal("**Birds of a Feather**\n\nBob Jones · 2019", (string?)hover["contents"]!["value"]);
        Assert.Equal(FeatureWorkspace.Range(text, keyAt, "jones2019birds".Length), hover["range"]);
    }
}
