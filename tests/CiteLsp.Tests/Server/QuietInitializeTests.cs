namespace CiteLsp.Tests.Server;

/// <summary>
/// Nothing but the initialize response comes out before it: Emacs' Eglot waits for the response with
/// accept-process-output, which returns on ANY output of the server (stderr included), and then gives up
/// its synchronous connect ("Waiting in background for server"); seen with the emacs-eglot probe.
/// </summary>
public class QuietInitializeTests
{
    [Fact]
    public async Task Initialize_response_is_the_first_output_on_stdout_and_stderr()
    {
        using var raw = new RawConnection();
        await raw.SendAsync(new { jsonrpc = "2.0", id = 1, method = "initialize",
            @params = new { capabilities = new { }, clientInfo = new { name = "Eglot" }, rootUri = (string?)null } });
        var first = await raw.ReadUntilAsync(_ => true);
        Assert.Equal(1, (int)first["id"]!);
        Assert.NotNull(first["result"]);
        await Task.Delay(300); // stderr is read asynchronously: give a line written before the response time to arrive
        Assert.Equal("", raw.Server.Stderr);

        // The client line is still logged, once initialized.
        await raw.SendAsync(new { jsonrpc = "2.0", method = "initialized", @params = new { } });
        var log = await raw.ReadUntilAsync(m => (string?)m["method"] == "window/logMessage" && ((string?)m["params"]!["message"])!.StartsWith("initialize from", StringComparison.Ordinal));
        Assert.Contains("initialize from Eglot: position encoding utf-16", (string?)log["params"]!["message"]);
    }
}
