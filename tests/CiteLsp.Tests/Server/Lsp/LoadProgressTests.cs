using System.Collections.Concurrent;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using Newtonsoft.Json.Linq;

namespace CiteLsp.Tests.Server.Lsp;

/// <summary>What a load shows as work-done progress, and in which order, with a client that records what it is sent.</summary>
public class LoadProgressTests
{
    private sealed class Client
    {
        public readonly ConcurrentQueue<string> Sent = new();
        /// <summary>Answers window/workDoneProgress/create when set; until then the request waits.</summary>
        public readonly TaskCompletionSource CreateAnswered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task Request(string method, object args)
        {
            Sent.Enqueue($"{method} {Token(args)}");
            await CreateAnswered.Task;
        }

        public Task Notify(string method, object args)
        {
            var p = JObject.FromObject(args, Newtonsoft.Json.JsonSerializer.Create(new() { ContractResolver = new Newtonsoft.Json.Serialization.CamelCasePropertyNamesContractResolver() }));
            Sent.Enqueue($"{method} {p["value"]!["kind"]} {p["value"]!["message"]}");
            return Task.CompletedTask;
        }

        private static string Token(object args) => ((WorkDoneProgressCreateParams)args).Token;
    }

    private static LoadProgress Start(Client client, TimeSpan delay) =>
        new("Loading bibliographies", "reading library.bib (600 MB)", delay, client.Request, client.Notify);

    [Fact]
    public async Task A_load_done_within_the_delay_shows_nothing()
    {
        var client = new Client();
        client.CreateAnswered.SetResult();
        var progress = Start(client, TimeSpan.FromHours(1));
        progress.Report("indexing 1,000 entries");
        progress.End("1000 entries from 1 catalog file(s)");
        await progress.Sent.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Empty(client.Sent);
    }

    [Fact]
    public async Task A_long_load_creates_a_token_then_begins_with_the_latest_message_reports_and_ends()
    {
        var client = new Client();
        var progress = Start(client, TimeSpan.Zero);
        await LspClient.WaitUntilAsync(() => !client.Sent.IsEmpty);
        progress.Report("library.bib: indexing 1,000,000 entries"); // while the client has not answered yet
        client.CreateAnswered.SetResult();
        await LspClient.WaitUntilAsync(() => client.Sent.Count == 2);
        progress.Report("building the search indexes");
        progress.End("1000000 entries from 1 catalog file(s)");
        progress.End("a second end is ignored");
        await progress.Sent.WaitAsync(TimeSpan.FromSeconds(10));
        var token = client.Sent.First().Split(' ')[1];
        Assert.StartsWith("citelsp/load/", token);
        Assert.Equal(
        [
            $"window/workDoneProgress/create {token}",
            "$/progress begin library.bib: indexing 1,000,000 entries",
            "$/progress report building the search indexes",
            "$/progress end 1000000 entries from 1 catalog file(s)",
        ], client.Sent);
    }

    [Fact]
    public async Task A_load_that_ends_while_the_token_is_created_still_begins_and_ends_it()
    {
        var client = new Client();
        var progress = Start(client, TimeSpan.Zero);
        await LspClient.WaitUntilAsync(() => !client.Sent.IsEmpty);
        progress.End("3 entries from 1 catalog file(s)");
        client.CreateAnswered.SetResult();
        await progress.Sent.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(["$/progress begin reading library.bib (600 MB)", "$/progress end 3 entries from 1 catalog file(s)"], client.Sent.Skip(1));
    }

    [Fact]
    public async Task A_client_that_refuses_the_token_is_sent_no_progress()
    {
        var client = new Client();
        var progress = Start(client, TimeSpan.Zero);
        await LspClient.WaitUntilAsync(() => !client.Sent.IsEmpty);
        client.CreateAnswered.SetException(new InvalidOperationException("refused"));
        progress.End("done");
        await progress.Sent.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(client.Sent);
    }
}
