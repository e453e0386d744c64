using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Features;

/// <summary>
/// A temp folder with a refs.bib (declared through citelsp.bibliography unless the test has documents declare it),
/// the embedded seeds as the library, and the real server process speaking to it.
/// </summary>
internal sealed class FeatureWorkspace : IAsyncDisposable
{
    public const string Bib = """
        @article{smith2020cats,
          title = {On \emph{Cats} and Their Owners},
          author = {Smith, Ann and Lee, Bo},
          journal = {Journal of Pets},
          year = {2020},
          doi = {10.1000/cats},
          abstract = {Cats \cite{jones2019birds} purr $k$ times.},
        }

        @article{jones2019birds,
          title = {Birds of a Feather},
          author = {Jones, Bob},
          year = {2019},
        }

        """;

    public TempDir Dir { get; } = new();
    /// <summary>The settings sent at initialize (citelsp.bibliography = refs.bib, plus the test's own).</summary>
    public JObject Settings { get; private set; } = new();
    public LspClient Client { get; }

    private FeatureWorkspace(LspClient client) => Client = client;

    public static async Task<FeatureWorkspace> StartAsync(object? extraSettings = null, string bibName = "refs.bib", string bibText = Bib, object? capabilities = null, bool declareInSettings = true)
    {
        var ws = new FeatureWorkspace(LspClient.Start());
        var bib = ws.Dir.File(bibName, bibText);
        var settings = declareInSettings ? JObject.FromObject(new { bibliography = new[] { bib } }) : new JObject();
        if (extraSettings is not null) settings.Merge(JObject.FromObject(extraSettings));
        ws.Settings = settings;
        await ws.Client.InitializeAsync(capabilities, initializationOptions: settings, rootPath: ws.Dir.Path);
        await ws.Client.NextStatusAsync();
        return ws;
    }

    /// <summary>Opens a document from markup; returns its URI and the cursor position ("$0").</summary>
    public async Task<(string Uri, object Position, Markup Markup)> OpenAsync(string name, string marked, string languageId)
    {
        var m = Markup.Parse(marked);
        var path = Dir.File(name, m.Text);
        var uri = new Uri(path).AbsoluteUri;
        await Client.OpenAsync(uri, m.Text, languageId);
        return (uri, m.Cursor is { } c ? Position(m.Text, c) : new { line = 0, character = 0 }, m);
    }

    public Task<JToken> CompleteAsync(string uri, object position) =>
        Client.RequestAsync("textDocument/completion", new { textDocument = new { uri }, position });

    public Task<JToken> HoverAsync(string uri, object position) =>
        Client.RequestAsync("textDocument/hover", new { textDocument = new { uri }, position });

    /// <summary>LSP position (UTF-16 columns) of an offset, computed independently of the server.</summary>
    public static object Position(string text, int offset)
    {
        var line = 0;
        var start = 0;
        for (var i = 0; i < offset; i++)
            if (text[i] == '\n') { line++; start = i + 1; }
        return new { line, character = offset - start };
    }

    public static JObject Range(string text, int start, int length) =>
        JObject.FromObject(new { start = Position(text, start), end = Position(text, start + length) });

    public static List<string> Labels(JToken list) => list["items"]!.Select(i => (string)i["label"]!).ToList();

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        Dir.Dispose();
    }
}
