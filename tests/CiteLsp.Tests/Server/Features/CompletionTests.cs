using CiteLsp.Core.Bibliography;
using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Features;

/// <summary>textDocument/completion, completionItem/resolve and citelsp.addToBibliography over the real server process.</summary>
public class CompletionTests
{
    [Fact]
    public async Task Latex_multi_key_command_then_typing_keeps_the_server_order()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var (uri, position, m) = await ws.OpenAsync("paper.tex", @"\documentclass{article}
\begin{document}
See \cite{smith2020cats,$0}
\end{document}
", "latex");

        var list = await ws.CompleteAsync(uri, position);
        Assert.True((bool)list["isIncomplete"]!);
        var labels = FeatureWorkspace.Labels(list);
        Assert.Equal("jones2019birds", labels[0]); // the document's own entry first
        Assert.Equal("smith2020cats", labels[^1]); // already cited in this command: last
        Assert.Contains("nakkiran2019deep", labels); // the library (seeds) too
        var items = (JArray)list["items"]!;
        Assert.Equal(items.Select(i => (string)i["sortText"]!).Order(StringComparer.Ordinal), items.Select(i => (string)i["sortText"]!));
        Assert.Equal(FeatureWorkspace.Range(m.Text, m.Cursor!.Value, 0), items[0]["textEdit"]!["range"]);
        Assert.Equal("Jones 2019", (string?)items[0]["detail"]);

        // Type "nakdoub" after the comma: the ranker's first choice is first, and the edit covers what was typed.
        var typedAt = m.Cursor!.Value;
        await ws.Client.NotifyAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = 2 },
            contentChanges = new[] { new { range = new { start = position, end = position }, text = "nakdoub" } },
        });
        var text = m.Text.Insert(typedAt, "nakdoub");
        list = await ws.CompleteAsync(uri, FeatureWorkspace.Position(text, typedAt + 7));
        var first = list["items"]![0]!;
        Assert.Equal("nakkiran2019deep", (string?)first["label"]);
        Assert.Equal("nakdoub nakkiran2019deep", (string?)first["filterText"]);
        Assert.Equal(FeatureWorkspace.Range(text, typedAt, 7), first["textEdit"]!["range"]);
        Assert.Equal("nakkiran2019deep", (string?)first["textEdit"]!["newText"]);
        Assert.Equal("Nakkiran et al. 2019 · library, adds to refs.bib", (string?)first["detail"]);
        Assert.Equal("citelsp.addToBibliography", (string?)first["command"]!["command"]);
        Assert.All(list["items"]!, i => Assert.StartsWith("nakdoub ", (string)i["filterText"]!));
    }

    [Fact]
    public async Task Several_words_typed_at_a_key_are_one_search_replaced_as_a_whole()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var (uri, position, m) = await ws.OpenAsync("words.tex", @"\cite{jones2019birds, [|dobule desc$0|]}", "latex");
        var first = (await ws.CompleteAsync(uri, position))["items"]![0]!;
        Assert.Equal("nakkiran2019deep", (string?)first["label"]);
        Assert.Equal("dobule desc nakkiran2019deep", (string?)first["filterText"]);
        var (start, length) = m.Ranges.Single();
        Assert.Equal(FeatureWorkspace.Range(m.Text, start, length), first["textEdit"]!["range"]);

        var (md, mdPosition, mm) = await ws.OpenAsync("words.md", "As shown [@[|nakkiran descent 2019$0|]].\n", "markdown");
        first = (await ws.CompleteAsync(md, mdPosition))["items"]![0]!;
        Assert.Equal("nakkiran2019deep", (string?)first["label"]);
        (start, length) = mm.Ranges.Single();
        Assert.Equal(FeatureWorkspace.Range(mm.Text, start, length), first["textEdit"]!["range"]);
    }

    [Fact]
    public async Task Cursor_in_the_middle_of_a_key_replaces_the_whole_key()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var (uri, position, m) = await ws.OpenAsync("mid.tex", @"\citep[p.~2]{[|smi$0th2020|]}", "latex");
        var list = await ws.CompleteAsync(uri, position);
        var first = list["items"]![0]!;
        Assert.Equal("smith2020cats", (string?)first["label"]);
        Assert.Equal("smi smith2020cats", (string?)first["filterText"]);
        var (start, length) = m.Ranges.Single();
        Assert.Equal(FeatureWorkspace.Range(m.Text, start, length), first["textEdit"]!["range"]);
        // Few items: documentation comes inline, as the formatted card.
        Assert.StartsWith("**On *Cats* and Their Owners**", (string)first["documentation"]!["value"]!);
    }

    [Fact]
    public async Task Empty_query_lists_keys_used_nearby_first()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var (uri, position, _) = await ws.OpenAsync("empty.tex", @"As \citet{livne2023corgi} and \cite{jones2019birds} show. Also \cite{$0}.", "latex");
        var labels = FeatureWorkspace.Labels(await ws.CompleteAsync(uri, position));
        Assert.Equal(["jones2019birds", "livne2023corgi", "smith2020cats"], labels.Take(3));
        Assert.Equal(22, labels.Count); // 2 bibliography entries + 20 seeds, under the limit of 50: everything, once
        Assert.Equal(labels.Count, labels.Distinct().Count());
    }

    [Fact]
    public async Task Crlf_and_non_ascii_text_before_the_citation_use_utf16_columns()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var (uri, position, m) = await ws.OpenAsync("crlf.tex", "Intro line\r\nSchrödinger 😀 café \\cite{[|jon$0|]}\r\n", "latex");
        var list = await ws.CompleteAsync(uri, position);
        var first = list["items"]![0]!;
        Assert.Equal("jones2019birds", (string?)first["label"]);
        var (start, length) = m.Ranges.Single();
        var range = FeatureWorkspace.Range(m.Text, start, length);
        Assert.Equal(1, (int)range["start"]!["line"]!);
        Assert.Equal(26, (int)range["start"]!["character"]!); // 😀 is two UTF-16 units
        Assert.Equal(range, first["textEdit"]!["range"]);
    }

    [Fact]
    public async Task Markdown_bracketed_and_in_text_citations()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var (uri, position, m) = await ws.OpenAsync("paper.md", "---\ntitle: T\n---\n\nAs shown [@smith2020cats; @[|jo$0|]] and more.\n", "markdown");
        var list = await ws.CompleteAsync(uri, position);
        Assert.Equal("jones2019birds", FeatureWorkspace.Labels(list)[0]);
        var (start, length) = m.Ranges.Single();
        Assert.Equal(FeatureWorkspace.Range(m.Text, start, length), list["items"]![0]!["textEdit"]!["range"]);
        Assert.Equal("smith2020cats", FeatureWorkspace.Labels(list)[^1]); // matches "jo" (Journal) but is cited already

        var (uri2, position2, _) = await ws.OpenAsync("intext.md", "Émilie wrote that @$0\n", "markdown");
        var labels = FeatureWorkspace.Labels(await ws.CompleteAsync(uri2, position2));
        Assert.Equal(["jones2019birds", "smith2020cats"], labels.Take(2).Order(StringComparer.Ordinal));
        var outside = await ws.CompleteAsync(uri2, new { line = 0, character = 3 });
        Assert.Empty((JArray)outside["items"]!);
    }

    [Fact]
    public async Task Long_lists_resolve_documentation_lazily_and_the_limit_applies()
    {
        await using var ws = await FeatureWorkspace.StartAsync(new { completion = new { limit = 12 } });
        var (uri, position, _) = await ws.OpenAsync("lazy.tex", @"\cite{$0}", "latex");
        var list = await ws.CompleteAsync(uri, position);
        var items = (JArray)list["items"]!;
        Assert.Equal(12, items.Count);
        Assert.All(items, i => Assert.Null(i["documentation"]));
        var smith = items.Single(i => (string)i["label"]! == "smith2020cats");
        var resolved = await ws.Client.RequestAsync("completionItem/resolve", smith);
        Assert.Equal("markdown", (string?)resolved["documentation"]!["kind"]);
        Assert.StartsWith("**On *Cats* and Their Owners**\n\nAnn Smith, Bo Lee · 2020 · Journal of Pets\n\n[doi:10.1000/cats](https://doi.org/10.1000/cats)",
            (string)resolved["documentation"]!["value"]!);
        Assert.Equal("smith2020cats", (string?)resolved["label"]);
    }

    [Fact]
    public async Task Accepting_a_library_entry_appends_it_to_the_existing_bib()
    {
        await using var ws = await FeatureWorkspace.StartAsync();
        var (uri, position, _) = await ws.OpenAsync("accept.tex", @"\bibliography{refs}\cite{double descent$0}", "latex");
        var first = (await ws.CompleteAsync(uri, position))["items"]![0]!;
        Assert.Equal("nakkiran2019deep", (string?)first["label"]);
        var command = first["command"]!;

        await ws.Client.RequestAsync("workspace/executeCommand", new { command = (string)command["command"]!, arguments = command["arguments"] });
        var request = Assert.Single(ws.Client.AppliedEdits);
        var bibUri = ws.Dir.Uri("refs.bib");
        var edit = Assert.Single(request["edit"]!["changes"]![bibUri]!);
        var bibText = FeatureWorkspace.Bib;
        Assert.Equal(FeatureWorkspace.Range(bibText, bibText.Length, 0), edit["range"]);

        var updated = bibText + (string)edit["newText"]!;
        var parsed = CatalogLoader.Parse("refs.bib", updated);
        Assert.Equal(["smith2020cats", "jones2019birds", "nakkiran2019deep"], parsed.Entries.Select(e => e.Key));
        Assert.Equal("Deep Double Descent: Where Bigger Models and More Data Hurt", parsed.Entries[2].Title);

        // Accepting it again before the file is reloaded does not add a duplicate.
        await ws.Client.RequestAsync("workspace/executeCommand", new { command = (string)command["command"]!, arguments = command["arguments"] });
        Assert.Single(ws.Client.AppliedEdits);
    }

    [Fact]
    public async Task Bibliography_declared_by_the_documents_themselves()
    {
        await using var ws = await FeatureWorkspace.StartAsync(declareInSettings: false);
        var (uri, position, _) = await ws.OpenAsync("own.tex", "\\documentclass{article}\n\\begin{document}\n\\cite{cats$0}\n\\bibliography{refs}\n\\end{document}\n", "latex");
        await LspClient.WaitUntilAsync(() => ws.Client.RequestAsync("citelsp/bibliographies", new { textDocument = new { uri } }).Result["files"]!
            .Any(f => ((string)f["path"]!).EndsWith("refs.bib", StringComparison.Ordinal) && (int)f["entries"]! == 2));
        var first = (await ws.CompleteAsync(uri, position))["items"]![0]!;
        Assert.Equal("smith2020cats", (string?)first["label"]);
        Assert.Equal("Smith and Lee 2020", (string?)first["detail"]);

        var (md, mdPosition, _) = await ws.OpenAsync("own.md", "---\nbibliography: refs.bib\n---\n\nText [@corgi$0]\n", "markdown");
        await LspClient.WaitUntilAsync(() => ws.Client.RequestAsync("citelsp/bibliographies", new { textDocument = new { uri = md } }).Result["files"]!
            .Any(f => ((string)f["path"]!).EndsWith("refs.bib", StringComparison.Ordinal)));
        var corgi = (await ws.CompleteAsync(md, mdPosition))["items"]![0]!;
        Assert.Equal("livne2023corgi", (string?)corgi["label"]);
        Assert.Equal("Livne et al. 2023 · library, adds to refs.bib", (string?)corgi["detail"]);
    }

    [Fact]
    public async Task Markdown_with_a_csl_json_bibliography_gets_a_csl_item_and_the_setting_turns_it_off()
    {
        const string csl = "[\n  {\"id\": \"jones2019birds\", \"type\": \"article-journal\", \"title\": \"Birds of a Feather\", \"author\": [{\"family\": \"Jones\", \"given\": \"Bob\"}], \"issued\": {\"date-parts\": [[2019]]}}\n]\n";
        await using (var ws = await FeatureWorkspace.StartAsync(bibName: "refs.json", bibText: csl))
        {
            var (uri, position, _) = await ws.OpenAsync("accept.md", "Text [@corgi$0]\n", "markdown");
            var first = (await ws.CompleteAsync(uri, position))["items"]![0]!;
            Assert.Equal("livne2023corgi", (string?)first["label"]);
            Assert.Equal("Livne et al. 2023 · library, adds to refs.json", (string?)first["detail"]);
            var command = first["command"]!;
            await ws.Client.RequestAsync("workspace/executeCommand", new { command = (string)command["command"]!, arguments = command["arguments"] });
            var edit = Assert.Single(ws.Client.AppliedEdits)["edit"]!["changes"]![ws.Dir.Uri("refs.json")]![0]!;
            var start = (JObject)edit["range"]!["start"]!;
            var lines = csl.Split('\n');
            var offset = lines.Take((int)start["line"]!).Sum(l => l.Length + 1) + (int)start["character"]!;
            var end = (JObject)edit["range"]!["end"]!;
            var endOffset = lines.Take((int)end["line"]!).Sum(l => l.Length + 1) + (int)end["character"]!;
            var updated = csl[..offset] + (string)edit["newText"]! + csl[endOffset..];
            Assert.Equal(["jones2019birds", "livne2023corgi"], CatalogLoader.Parse("refs.json", updated).Entries.Select(e => e.Key));
        }

        await using (var ws = await FeatureWorkspace.StartAsync(new { completion = new { addToBibliography = false } }))
        {
            var (uri, position, _) = await ws.OpenAsync("off.tex", @"\cite{corgi$0}", "latex");
            var first = (await ws.CompleteAsync(uri, position))["items"]![0]!;
            Assert.Equal("livne2023corgi", (string?)first["label"]);
            Assert.Null(first["command"]);
            Assert.Equal("Livne et al. 2023 · library", (string?)first["detail"]);
        }
    }
}
