using System.IO.Pipelines;
using System.Buffers;
using System.Text;
using CiteLsp.Fuzz.Engine;
using CiteLsp.Server.Lsp;
using StreamJsonRpc;
using StreamJsonRpc.Protocol;
using StreamJsonRpc.Reflection;

namespace CiteLsp.Fuzz.Harnesses;

/// <summary>
/// The server's input path: raw stdin bytes through the host's MessageFramer, then what it forwards through the
/// same StreamJsonRpc HeaderDelimitedMessageHandler + LspFormatter the server uses. The framer's promise is that
/// StreamJsonRpc never sees a message it cannot read (one such message closes the connection), so any exception
/// on the reading side is a failure, as is an answer with an unexpected error code.
/// </summary>
internal sealed class LspReaderHarness : Harness
{
    private const int MaxBody = 64 * 1024;
    private static readonly int[] FramerCodes = [-32700, -32600];

    public override string Name => "lsp";
    public override string Description => "MessageFramer + StreamJsonRpc HeaderDelimitedMessageHandler/LspFormatter (stdin bytes)";
    public override IReadOnlyList<string> SeedExtensions => [];
    public override IReadOnlyList<string> Tokens =>
        ["Content-Length: ", "content-length:", "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n", "\r\n\r\n", "\r\n", "\n\n",
         "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}", "\"id\":null", "\"id\":1.5", "\"id\":{}", "\"id\":\"x\"",
         "\"result\":", "\"error\":{\"code\":1,\"message\":\"m\"}", "\"params\":[]", "\"params\":5", "\"method\":\"$/cancelRequest\"",
         "\\u0000", "\\ud800", "\\\"", "1e999", "-0", "[[[[[[[[", "]]]]]]]]", "{{{{", "}}}}"];

    private static byte[] ReadAll(PipeReader reader)
    {
        var result = reader.ReadAsync().AsTask().GetAwaiter().GetResult();
        while (!result.IsCompleted)
        {
            reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
            result = reader.ReadAsync().AsTask().GetAwaiter().GetResult();
        }
        var bytes = result.Buffer.ToArray();
        reader.AdvanceTo(result.Buffer.End);
        return bytes;
    }

    /// <summary>Number of "Content-Length: N\r\n\r\n" + N-byte frames that exactly make up the output.</summary>
    private static int CountFrames(byte[] output)
    {
        var count = 0;
        for (var at = 0; at < output.Length; count++)
        {
            var headerEnd = output.AsSpan(at).IndexOf("\r\n\r\n"u8);
            Check.That(headerEnd > 0, "forwarded-framing", () => $"no header at byte {at}");
            var header = Encoding.ASCII.GetString(output, at, headerEnd);
            Check.That(header.StartsWith("Content-Length: ", StringComparison.Ordinal) && int.TryParse(header["Content-Length: ".Length..], out _),
                "forwarded-framing", () => $"header «{header}»");
            at += headerEnd + 4 + int.Parse(header["Content-Length: ".Length..]);
            Check.That(at <= output.Length, "forwarded-framing", () => "body runs past the output");
        }
        return count;
    }

    public override IEnumerable<byte[]> ExtraSeeds => LspSeeds.Streams();

    public override void Run(byte[] input)
    {
        var pipe = new Pipe(new PipeOptions(pauseWriterThreshold: 0));
        var replies = new List<int>();
        var framer = new MessageFramer(new MemoryStream(input), pipe.Writer,
            (_, code, _) => { replies.Add(code); return Task.CompletedTask; }, new Logger(TextWriter.Null), () => MaxBody);
        framer.RunAsync(CancellationToken.None).GetAwaiter().GetResult();

        // The framer's output must be canonical frames; read exactly those with the server's own handler and formatter.
        var output = ReadAll(pipe.Reader);
        var frames = CountFrames(output);
        var handler = new HeaderDelimitedMessageHandler(Stream.Null, new MemoryStream(output), LspFormatter.Create());
        for (var i = 0; i < frames; i++)
        {
            JsonRpcMessage? message;
            try { message = handler.ReadAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult(); }
            catch (Exception ex)
            {
                throw new FuzzCheckException("forwarded-unreadable", $"StreamJsonRpc could not read forwarded message {i + 1}: {ex.GetType().Name}: {ex.Message}");
            }
            Check.That(message is JsonRpcRequest or JsonRpcResult or JsonRpcError, "forwarded-kind", () => message?.GetType().Name ?? "null");
            // JsonRpc does this once it has deserialized a result; until then the handler holds the message's bytes.
            ((IJsonRpcMessageBufferManager)handler).DeserializationComplete(message!);
        }
        var forwarded = frames;
        Check.That(replies.All(FramerCodes.Contains), "framer-error-code", () => $"codes {string.Join(",", replies)}");
        Check.That(forwarded <= input.Length / 20 + 1, "forwarded-count", () => $"{forwarded} messages from {input.Length} bytes");
    }
}
