using System.Buffers;
using System.IO.Pipelines;
using System.Text;
using System.Text.Json;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Lsp;

/// <summary>
/// Sits between stdin and StreamJsonRpc, which drops the whole connection on one unparsable message. It
/// re-frames the input itself, tolerating garbage bytes and wrong Content-Length values (it resynchronises
/// on the next "Content-Length:" header), checks each body is a well-formed JSON-RPC message, forwards the
/// good ones and answers the bad ones with ParseError (-32700) or InvalidRequest (-32600).
/// </summary>
/// <remarks>
/// A body over <paramref name="maxBodyBytes"/> is skipped as it streams in, never buffered or parsed: a request
/// whose id comes before its big params is answered with InvalidRequest, anything else is dropped with a
/// warning. Parsing a 100 MB message costs about a gigabyte in pooled buffers that the process keeps.
/// </remarks>
internal sealed class MessageFramer(Stream input, PipeWriter output, Func<RequestId, int, string, Task> reply, Logger log, Func<long>? maxBodyBytes = null)
{
    private const int MaxHeaderBytes = 8 * 1024;
    private const int MaxBodyBytes = 1 << 30;
    private const int InitialBufferBytes = 64 * 1024;
    private static readonly byte[] HeaderName = "content-length"u8.ToArray();

    private byte[] _buffer = new byte[InitialBufferBytes];
    private int _start, _end;
    private bool _eof;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (await NextMessageAsync(cancellationToken) is { } body)
                await HandleAsync(body);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or OperationCanceledException)
        {
            log.Debug($"input closed: {ex.Message}");
        }
        finally
        {
            await output.CompleteAsync();
        }
    }

    /// <summary>The next framed body, or null at the end of input.</summary>
    private async Task<ReadOnlyMemory<byte>?> NextMessageAsync(CancellationToken ct)
    {
        while (true)
        {
            var name = IndexOfHeaderName();
            if (name < 0)
            {
                // Keep a tail that may hold the start of a split "Content-Length".
                var keep = Math.Min(_end - _start, HeaderName.Length - 1);
                await SkipGarbageAsync(_end - keep - _start);
                if (!await FillAsync(ct)) return End();
                continue;
            }
            if (name > _start) await SkipGarbageAsync(name - _start);

            var headerEnd = IndexOf("\r\n\r\n"u8, _start);
            if (headerEnd < 0)
            {
                if (_end - _start > MaxHeaderBytes) { await SkipGarbageAsync(1); continue; }
                if (!await FillAsync(ct)) return End();
                continue;
            }
            var length = ContentLength(_buffer.AsSpan(_start, headerEnd - _start));
            if (length is null)
            {
                await ReplyAsync(RequestId.Null, ErrorCodes.ParseError, "invalid Content-Length header");
                _start = headerEnd + 4;
                continue;
            }
            var bodyStart = headerEnd + 4;
            var limit = maxBodyBytes?.Invoke() ?? MaxBodyBytes;
            if (length > limit)
            {
                _start = bodyStart;
                if (!await RefuseAsync(length.Value, limit, ct)) return End();
                continue;
            }
            while (_end - bodyStart < length)
            {
                var offset = bodyStart - _start;
                if (!await FillAsync(ct)) return End();
                bodyStart = _start + offset;
            }
            _start = bodyStart + length.Value;
            var body = _buffer.AsMemory(bodyStart, length.Value).ToArray();
            if (_buffer.Length > 16 * InitialBufferBytes && _end - _start <= InitialBufferBytes) ShrinkBuffer();
            return body;
        }
    }

    /// <summary>Answers or drops an over-limit message and skips its body without keeping it; false if input ended inside it.</summary>
    private async Task<bool> RefuseAsync(int length, long limit, CancellationToken ct)
    {
        var (id, method) = Peek(_buffer.AsSpan(_start, Math.Min(_end - _start, length)));
        var message = $"message of {length / (1024.0 * 1024):N1} MB{(method is null ? "" : $" ({method})")} is over the {limit / (1024.0 * 1024):N1} MB limit " +
            "(derived from citelsp.limits.maxDocumentSizeMB); not read";
        if (id is { } replyTo) await ReplyAsync(replyTo, ErrorCodes.InvalidRequest, message);
        else log.Warning($"dropped a {message}");
        for (var remaining = length; remaining > 0;)
        {
            if (_end == _start && !await FillAsync(ct)) return false;
            var n = Math.Min(_end - _start, remaining);
            _start += n;
            remaining -= n;
        }
        return true;
    }

    /// <summary>The id and method of a message from its first bytes, skipping values; nulls where they are not (yet) visible.</summary>
    private static (RequestId? Id, string? Method) Peek(ReadOnlySpan<byte> head)
    {
        var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
        RequestId? id = null;
        string? method = null;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return (null, null);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("id"u8);
                var isMethod = reader.ValueTextEquals("method"u8);
                if (!reader.Read()) break;
                if (isId && reader.TokenType == JsonTokenType.String) id = new RequestId(reader.GetString());
                else if (isId && reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var n)) id = new RequestId(n);
                else if (isMethod && reader.TokenType == JsonTokenType.String) method = reader.GetString();
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()) break;
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException) { }
        return (id, method);
    }

    /// <summary>A big message grew the buffer: give the memory back once it is consumed.</summary>
    private void ShrinkBuffer()
    {
        var pending = _buffer.AsSpan(_start, _end - _start).ToArray();
        _buffer = new byte[InitialBufferBytes];
        pending.CopyTo(_buffer, 0);
        (_start, _end) = (0, pending.Length);
    }

    private async Task HandleAsync(ReadOnlyMemory<byte> body)
    {
        var (id, code, message) = Validate(body);
        if (code == 0)
        {
            var header = Encoding.ASCII.GetBytes($"Content-Length: {body.Length}\r\n\r\n");
            await output.WriteAsync(header);
            await output.WriteAsync(body);
            await output.FlushAsync();
        }
        else if (id is { } replyTo)
        {
            await ReplyAsync(replyTo, code, message);
        }
        else
        {
            log.Warning($"dropped an invalid notification: {message}");
        }
    }

    /// <summary>(id to answer or null for "don't answer", 0 or an error code, message).</summary>
    private static (RequestId? Id, int Code, string Message) Validate(ReadOnlyMemory<byte> body)
    {
        // JsonDocument checks structure, not the bytes inside strings: GetString() would throw on invalid UTF-8 later.
        if (!System.Text.Unicode.Utf8.IsValid(body.Span)) return (RequestId.Null, ErrorCodes.ParseError, "invalid JSON: the body is not valid UTF-8");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(body); }
        catch (JsonException ex) { return (RequestId.Null, ErrorCodes.ParseError, $"invalid JSON: {ex.Message}"); }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (RequestId.Null, ErrorCodes.InvalidRequest, "a message must be a JSON object");
            RequestId? id = null;
            var hasId = root.TryGetProperty("id", out var idElement);
            if (hasId)
            {
                id = idElement.ValueKind switch
                {
                    JsonValueKind.String => new RequestId(idElement.GetString()),
                    JsonValueKind.Number when idElement.TryGetInt64(out var n) => new RequestId(n),
                    JsonValueKind.Null => RequestId.Null,
                    _ => null,
                };
                if (id is null) return (RequestId.Null, ErrorCodes.InvalidRequest, "id must be a string, an integer or null");
            }
            var replyTo = hasId ? id : null;
            if (!root.TryGetProperty("jsonrpc", out var version) || version.ValueKind != JsonValueKind.String || version.GetString() != "2.0")
                return (replyTo ?? RequestId.Null, ErrorCodes.InvalidRequest, "jsonrpc must be \"2.0\"");
            if (root.TryGetProperty("method", out var method))
            {
                if (method.ValueKind != JsonValueKind.String) return (replyTo ?? RequestId.Null, ErrorCodes.InvalidRequest, "method must be a string");
                // null is not valid JSON-RPC but Eglot sends it (e.g. for shutdown): treat it as absent.
                if (root.TryGetProperty("params", out var p) && p.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array or JsonValueKind.Null))
                    return (replyTo, ErrorCodes.InvalidRequest, "params must be an object or an array");
                return (null, 0, "");
            }
            // StreamJsonRpc reads error.code as a 32-bit integer and drops the connection when it cannot; nobody to answer for a response.
            if (hasId && root.TryGetProperty("error", out var failure) && failure.ValueKind == JsonValueKind.Object &&
                !(failure.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.Number && code.TryGetInt32(out _)))
                return (null, ErrorCodes.InvalidRequest, "error.code must be a 32-bit integer");
            if (hasId && (root.TryGetProperty("result", out _) || root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object))
                return (null, 0, "");
            return (replyTo ?? RequestId.Null, ErrorCodes.InvalidRequest, "neither a request, a notification nor a response");
        }
    }

    private static int? ContentLength(ReadOnlySpan<byte> headers)
    {
        int? length = null;
        foreach (var line in Encoding.ASCII.GetString(headers).Split("\r\n"))
        {
            var colon = line.IndexOf(':');
            if (colon <= 0) return null;
            if (!line.AsSpan(0, colon).Trim().Equals("content-length", StringComparison.OrdinalIgnoreCase)) continue;
            if (!int.TryParse(line.AsSpan(colon + 1).Trim(), out var n) || n < 0 || n > MaxBodyBytes) return null;
            length = n;
        }
        return length;
    }

    private async Task SkipGarbageAsync(int count)
    {
        if (count <= 0) return;
        // Header lines (e.g. Content-Type) before Content-Length are legal, not garbage.
        var skipped = Encoding.UTF8.GetString(_buffer, _start, count);
        _start += count;
        if (skipped.Split("\r\n").SkipLast(1).All(l => l.IndexOf(':') > 0) && skipped.EndsWith("\r\n", StringComparison.Ordinal)) return;
        if (string.IsNullOrWhiteSpace(skipped)) return;
        await ReplyAsync(RequestId.Null, ErrorCodes.ParseError, $"skipped {count} bytes that are not an LSP message");
    }

    private ReadOnlyMemory<byte>? End()
    {
        if (_end > _start && !_buffer.AsSpan(_start, _end - _start).Trim(" \r\n\t"u8).IsEmpty)
            log.Warning($"input ended inside a message ({_end - _start} bytes dropped)");
        return null;
    }

    private Task ReplyAsync(RequestId id, int code, string message)
    {
        log.Warning($"malformed input: {message}");
        return reply(id, code, message);
    }

    /// <summary>Reads more input into the buffer (compacting or growing it); false at the end of input.</summary>
    private async Task<bool> FillAsync(CancellationToken ct)
    {
        if (_eof) return false;
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Array.Resize(ref _buffer, _buffer.Length * 2);
        var n = await input.ReadAsync(_buffer.AsMemory(_end), ct);
        if (n == 0) { _eof = true; return false; }
        _end += n;
        return true;
    }

    private int IndexOfHeaderName()
    {
        var span = _buffer.AsSpan(_start, _end - _start);
        for (var i = 0; i + HeaderName.Length <= span.Length; i++)
        {
            if ((span[i] | 0x20) != 'c') continue;
            if (Ascii.EqualsIgnoreCase(span.Slice(i, HeaderName.Length), HeaderName)) return _start + i;
        }
        return -1;
    }

    private int IndexOf(ReadOnlySpan<byte> needle, int from)
    {
        var i = _buffer.AsSpan(from, _end - from).IndexOf(needle);
        return i < 0 ? -1 : from + i;
    }
}
