using CiteLsp.Core.Text;

namespace CiteLsp.Tests.Server;

/// <summary>
/// didOpen/didChange/didClose through the real dispatch (in-process server over memory streams, so the
/// resulting document text can be inspected). Columns count UTF-16 units (or the negotiated encoding's).
/// </summary>
public class TextSyncTests
{
    private const string Uri = "file:///tmp/citelsp/doc.tex";

    private static async Task<LspClient> OpenAsync(string text, params string[] encodings)
    {
        var client = LspClient.InProcess();
        await client.InitializeAsync(encodings.Length == 0 ? null : new { general = new { positionEncodings = encodings } });
        await client.OpenAsync(Uri, text);
        return client;
    }

    private static Task ChangeAsync(LspClient client, int version, params object[] contentChanges) =>
        client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = Uri, version }, contentChanges });

    private static object Edit(int line1, int char1, int line2, int char2, string text) =>
        new { range = new { start = new { line = line1, character = char1 }, end = new { line = line2, character = char2 } }, text };

    /// <summary>The document as the server holds it, after every earlier message was handled (dispatch is in order).</summary>
    private static async Task<TextDocument?> DocumentAsync(LspClient client)
    {
        await client.RequestAsync("citelsp/bibliographies", new { textDocument = new { uri = Uri } });
        return client.Server!.Session.State.Current.Document(Uri);
    }

    [Fact]
    public async Task Incremental_edits_after_an_emoji_land_in_the_right_place()
    {
        await using var client = await OpenAsync("a😀b \\cite{x}\n");
        // UTF-16: 'a'=0, emoji=1..2, 'b'=3, ' '=4, '\'=5 … '{'=10, 'x'=11.
        await ChangeAsync(client, 2, Edit(0, 11, 0, 12, "knuth"));
        var doc = await DocumentAsync(client);
        Assert.Equal("a😀b \\cite{knuth}\n", doc!.Text);
        Assert.Equal(2, doc.Version);
    }

    [Fact]
    public async Task Combining_accents_count_as_their_own_units()
    {
        // "e\u0301" is two UTF-16 units (one grapheme): positions after it must not shift.
        await using var client = await OpenAsync("Ge\u0301rard \\cite{a}");
        await ChangeAsync(client, 2, Edit(0, 14, 0, 15, "b"));
        Assert.Equal("Ge\u0301rard \\cite{b}", (await DocumentAsync(client))!.Text);
    }

    [Fact]
    public async Task Edits_are_applied_in_order_each_against_the_previous_result_with_crlf_lines()
    {
        await using var client = await OpenAsync("line one\r\nline two\r\nline three");
        await ChangeAsync(client, 2,
            Edit(1, 5, 1, 8, "2"),          // line 2
            Edit(0, 0, 0, 0, "% head\r\n"), // now everything moves down one line
            Edit(3, 5, 3, 10, "3"));        // "line three" is line 3 after the insert
        Assert.Equal("% head\r\nline one\r\nline 2\r\nline 3", (await DocumentAsync(client))!.Text);
    }

    [Fact]
    public async Task A_character_past_the_end_of_a_line_clamps_before_the_line_break()
    {
        await using var client = await OpenAsync("ab\r\ncd");
        await ChangeAsync(client, 2, Edit(0, 99, 0, 99, "!"));
        Assert.Equal("ab!\r\ncd", (await DocumentAsync(client))!.Text);
    }

    [Fact]
    public async Task Full_text_change_replaces_the_document()
    {
        await using var client = await OpenAsync("old");
        await client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = Uri, version = 5 }, contentChanges = new[] { new { text = "new 😀 text" } } });
        var doc = await DocumentAsync(client);
        Assert.Equal("new 😀 text", doc!.Text);
        Assert.Equal(5, doc.Version);
    }

    [Fact]
    public async Task Out_of_range_change_is_ignored_and_the_server_keeps_going()
    {
        await using var client = await OpenAsync("one line");
        await ChangeAsync(client, 2, Edit(0, 0, 0, 1, "O"), Edit(7, 0, 7, 1, "x"));
        var doc = await DocumentAsync(client);
        Assert.Equal("one line", doc!.Text);
        Assert.Equal(1, doc.Version);
        await ChangeAsync(client, 3, Edit(0, 0, 0, 1, "O"));
        Assert.Equal("One line", (await DocumentAsync(client))!.Text);
    }

    [Fact]
    public async Task Change_for_an_unknown_document_is_ignored()
    {
        await using var client = await OpenAsync("text");
        await client.NotifyAsync("textDocument/didChange", new { textDocument = new { uri = "file:///nope.tex", version = 2 }, contentChanges = new[] { new { text = "x" } } });
        await DocumentAsync(client);
        Assert.Null(client.Server!.Session.State.Current.Document("file:///nope.tex"));
    }

    [Theory]
    [InlineData("utf-8", 8)]  // a 1 + 😀 4 + b 1 + é 2
    [InlineData("utf-32", 4)] // four code points
    public async Task Other_negotiated_encodings_count_their_own_units(string encoding, int column)
    {
        await using var client = await OpenAsync("a😀bé|x", encoding);
        await ChangeAsync(client, 2, Edit(0, column, 0, column + 1, "-"));
        Assert.Equal("a😀bé-x", (await DocumentAsync(client))!.Text);
    }

    [Fact]
    public async Task Close_forgets_the_document()
    {
        await using var client = await OpenAsync("text");
        await client.NotifyAsync("textDocument/didClose", new { textDocument = new { uri = Uri } });
        Assert.Null(await DocumentAsync(client));
    }

    [Fact]
    public async Task In_process_server_exits_with_0_after_shutdown()
    {
        await using var client = await OpenAsync("text");
        Assert.Equal(0, await client.ShutdownAndExitAsync());
    }
}
