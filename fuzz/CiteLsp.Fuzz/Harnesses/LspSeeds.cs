using System.Text;
using System.Text.Json;

namespace CiteLsp.Fuzz.Harnesses;

/// <summary>Well-formed LSP input streams (a session's worth of messages) to mutate.</summary>
internal static class LspSeeds
{
    public static IEnumerable<byte[]> Streams()
    {
        object[] session =
        [
            new { jsonrpc = "2.0", id = 1, method = "initialize", @params = new { processId = 1, capabilities = new { general = new { positionEncodings = new[] { "utf-16" } } }, initializationOptions = new { seeds = new { enabled = true } } } },
            new { jsonrpc = "2.0", method = "initialized", @params = new { } },
            new { jsonrpc = "2.0", method = "textDocument/didOpen", @params = new { textDocument = new { uri = "file:///w/a.tex", languageId = "latex", version = 1, text = "See \\cite{knuth84, lamport94}.\n\\bibliography{refs}\n" } } },
            new { jsonrpc = "2.0", method = "textDocument/didChange", @params = new { textDocument = new { uri = "file:///w/a.tex", version = 2 }, contentChanges = new object[] { new { range = new { start = new { line = 0, character = 10 }, end = new { line = 0, character = 10 } }, text = "x😀" }, new { text = "whole" } } } },
            new { jsonrpc = "2.0", id = "s1", method = "citelsp/search", @params = new { query = "corgi", limit = 5, textDocument = new { uri = "file:///w/a.tex" } } },
            new { jsonrpc = "2.0", method = "$/cancelRequest", @params = new { id = "s1" } },
            new { jsonrpc = "2.0", id = 3, result = new object[] { new { citelsp = new { library = Array.Empty<string>() } } } },
            new { jsonrpc = "2.0", id = 4, error = new { code = -32601, message = "no" } },
            new { jsonrpc = "2.0", id = 5, method = "shutdown" },
            new { jsonrpc = "2.0", method = "exit" },
        ];
        var bodies = session.Select(m => JsonSerializer.Serialize(m)).ToList();
        yield return Encoding.UTF8.GetBytes(string.Concat(bodies.Select(Frame)));
        yield return Encoding.UTF8.GetBytes(string.Concat(bodies.Select(b => "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" + Frame(b))));
        foreach (var body in bodies) yield return Encoding.UTF8.GetBytes(Frame(body));
    }

    private static string Frame(string body) => $"Content-Length: {Encoding.UTF8.GetByteCount(body)}\r\n\r\n{body}";
}
