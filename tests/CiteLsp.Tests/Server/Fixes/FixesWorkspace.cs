using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Fixes;

/// <summary>
/// A small project on disk and a real server process on it: refs.bib, a library file (citelsp.library), and
/// helpers to open documents marked with $0 (cursor) and wait for their diagnostics.
/// </summary>
internal sealed class FixesWorkspace : IAsyncDisposable
{
    public const string Refs = "@misc{iozone,\n  title = {IOzone Filesystem Benchmark},\n}\n\n@article{smith2020,\n  title = {Deep Learning for Everything},\n  author = {Smith, Ann},\n  year = {2020},\n}\n\n@book{knuth1984,\n  title = {The TeXbook},\n  author = {Knuth, Donald E.},\n  year = {1984},\n}\n";
    public const string Library = "@inproceedings{vaswani2017attention,\n  title = {Attention Is All You Need},\n  author = {Vaswani, Ashish},\n  year = {2017},\n}\n";

    public TempDir Dir { get; } = new();
    public LspClient Client { get; private set; } = null!;

    public static async Task<FixesWorkspace> StartAsync(object? settings = null)
    {
        var w = new FixesWorkspace();
        w.Dir.File("refs.bib", Refs);
        w.Dir.File("library.bib", Library);
        w.Client = LspClient.Start();
        await w.Client.InitializeAsync(initializationOptions: settings ?? new { library = new[] { Path.Combine(w.Dir.Path, "library.bib") } }, rootPath: w.Dir.Path);
        await w.Client.NextStatusAsync();
        return w;
    }

    /// <summary>Opens the document (markup: $0 is the cursor) and returns its URI, text and cursor offset.</summary>
    public async Task<(string Uri, string Text, int Cursor)> OpenAsync(string name, string marked, string languageId)
    {
        var m = Markup.Parse(marked);
        var (text, cursor) = (m.Text, m.Cursor ?? m.Text.Length);
        var uri = Dir.Uri(name);
        await Client.OpenAsync(uri, text, languageId);
        return (uri, text, cursor);
    }

    public static object Position(string text, int offset)
    {
        var before = text[..offset];
        var line = before.Count(c => c == '\n');
        return new { line, character = offset - (before.LastIndexOf('\n') + 1) };
    }

    public static object At(string uri, string text, int offset) => new { textDocument = new { uri }, position = Position(text, offset) };

    /// <summary>Applies a WorkspaceEdit's edits for one URI to that file's text (as an editor would).</summary>
    public static string Apply(JToken workspaceEdit, string uri, string text)
    {
        var edits = (JArray)workspaceEdit["changes"]![uri]!;
        var lines = new CiteLsp.Core.Text.LineIndex(text);
        foreach (var e in edits.OrderByDescending(e => (int)e["range"]!["start"]!["line"]!).ThenByDescending(e => (int)e["range"]!["start"]!["character"]!))
        {
            var start = lines.GetOffset((int)e["range"]!["start"]!["line"]!, (int)e["range"]!["start"]!["character"]!);
            var end = lines.GetOffset((int)e["range"]!["end"]!["line"]!, (int)e["range"]!["end"]!["character"]!);
            text = text.Remove(start, end - start).Insert(start, (string)e["newText"]!);
        }
        return text;
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        Dir.Dispose();
    }
}
