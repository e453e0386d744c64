using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using CiteLsp.LspBench;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using StreamJsonRpc;

// Usage: dotnet run -c Release --project bench/CiteLsp.LspBench -- [BIB] [CITELSP_DLL]
// BIB defaults to /tmp/big100k.bib (python3 ../shared/corpus/make-big-bib.py 100000 -o /tmp/big100k.bib).
var bib = Path.GetFullPath(args.Length > 0 ? args[0] : "/tmp/big100k.bib");
var dll = args.Length > 1 ? args[1] : Path.Combine(RepoRoot(), "server", "CiteLsp.Server", "bin", "Release", "net10.0", "citelsp.dll");
if (!File.Exists(bib) || !File.Exists(dll)) { Console.Error.WriteLine($"missing {bib} or {dll} (build Release first)"); return 1; }

var source = File.ReadAllText(bib);
var rng = new Random(7);
var keys = Regex.Matches(source, @"^@\w+\{([^,\s]+),", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
var titles = Regex.Matches(source, @"^\s*title\s*=\s*[{""]+([^}""\n]+)", RegexOptions.Multiline | RegexOptions.IgnoreCase).Select(m => m.Groups[1].Value).ToList();
Console.WriteLine($"catalog: {bib} ({source.Length / 1e6:F1} MB, {keys.Count} entries) + embedded seeds; server {dll}");
source = "";

var info = new ProcessStartInfo("dotnet") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
info.ArgumentList.Add(dll);
using var process = Process.Start(info)!;
var sinceStart = Stopwatch.StartNew();
// BENCH_STDERR=1: the server's log, each line stamped with the ms since the spawn (to place a slow request).
var echoLog = Environment.GetEnvironmentVariable("BENCH_STDERR") == "1";
process.ErrorDataReceived += (_, e) => { if (echoLog && e.Data is { } l) Console.Error.WriteLine($"{sinceStart.ElapsedMilliseconds,7} {l}"); };
process.BeginErrorReadLine();
var formatter = new JsonMessageFormatter();
formatter.JsonSerializer.NullValueHandling = NullValueHandling.Ignore;
using var rpc = new JsonRpc(new HeaderDelimitedMessageHandler(process.StandardInput.BaseStream, process.StandardOutput.BaseStream, formatter));
var loaded = new TaskCompletionSource<JObject>();
rpc.AddLocalRpcTarget(new ClientTarget(loaded));
rpc.StartListening();

var clock = Stopwatch.StartNew();
await rpc.InvokeWithParameterObjectAsync<JToken>("initialize", new { processId = Environment.ProcessId, capabilities = new { }, initializationOptions = new { bibliography = new[] { bib } } });
await rpc.NotifyWithParameterObjectAsync("initialized", new { });
var status = await loaded.Task.WaitAsync(TimeSpan.FromMinutes(5));
Console.WriteLine($"loaded {status["entries"]} entries in {clock.Elapsed.TotalSeconds:F2} s after start; RSS {Memory.Rss(process.Id)}");

// A paper citing 300 catalog keys, with an empty \cite{} to type into on the last line.
var cited = Enumerable.Range(0, 300).Select(_ => keys[rng.Next(keys.Count)]).ToList();
var doc = new StringBuilder("\\documentclass{article}\n\\begin{document}\n");
foreach (var k in cited) doc.Append("As shown by \\cite{").Append(k).Append("}, things happen.\n");
var line = cited.Count + 2;
doc.Append("Now \\cite{}\n\\end{document}\n");
const string uri = "file:///tmp/citelsp-bench/paper.tex";
await rpc.NotifyWithParameterObjectAsync("textDocument/didOpen", new { textDocument = new { uri, languageId = "latex", version = 1, text = doc.ToString() } });
var column = "Now \\cite{".Length;
object At(int ch) => new { line, character = ch };
async Task<JToken> Complete(int ch)
{
    var started = sinceStart.ElapsedMilliseconds;
    var list = await rpc.InvokeWithParameterObjectAsync<JToken>("textDocument/completion", new { textDocument = new { uri }, position = At(ch) });
    if (echoLog && sinceStart.ElapsedMilliseconds - started > 300) Console.Error.WriteLine($"{started,7} completion took {sinceStart.ElapsedMilliseconds - started} ms");
    return list;
}

clock.Restart();
var firstList = await Complete(column);
Console.WriteLine($"first completion (builds the 100k index): {clock.Elapsed.TotalMilliseconds:F0} ms, {firstList["items"]!.Count()} items; RSS {Memory.Rss(process.Id)}");

var version = 1;
var queries = Enumerable.Range(0, 80).Select(_ => Query(titles[rng.Next(titles.Count)], rng)).Where(q => q.Length > 0).ToList();
var resolvable = new List<JToken>();
// Two passes over the same typing: the first includes JIT warm-up of every code path, the second is steady state.
var passes = new List<(List<double> Empty, List<double> First, List<double> Following)>();
for (var pass = 0; pass < 2; pass++)
{
    var (empty, first, following) = (new List<double>(), new List<double>(), new List<double>());
    foreach (var query in queries)
    {
        clock.Restart();
        var list = await Complete(column);
        empty.Add(clock.Elapsed.TotalMilliseconds);
        for (var i = 0; i < query.Length; i++)
        {
            await rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new
            {
                textDocument = new { uri, version = ++version },
                contentChanges = new[] { new { range = new { start = At(column + i), end = At(column + i) }, text = query[i].ToString() } },
            });
            clock.Restart();
            list = await Complete(column + i + 1);
            (i == 0 ? first : following).Add(clock.Elapsed.TotalMilliseconds);
        }
        resolvable.AddRange(list["items"]!.Take(10));
        await rpc.NotifyWithParameterObjectAsync("textDocument/didChange", new
        {
            textDocument = new { uri, version = ++version },
            contentChanges = new[] { new { range = new { start = At(column), end = At(column + query.Length) }, text = "" } },
        });
    }
    passes.Add((empty, first, following));
}

var hover = new List<double>();
for (var i = 0; i < 1000; i++)
{
    var l = 2 + rng.Next(cited.Count);
    clock.Restart();
    var h = await rpc.InvokeWithParameterObjectAsync<JToken>("textDocument/hover", new { textDocument = new { uri }, position = new { line = l, character = "As shown by \\cite{".Length + 2 } });
    hover.Add(clock.Elapsed.TotalMilliseconds);
    if (echoLog && clock.ElapsedMilliseconds > 300) Console.Error.WriteLine($"{sinceStart.ElapsedMilliseconds,7} hover {i} took {clock.ElapsedMilliseconds} ms");
    if (h is null || h.Type == JTokenType.Null) throw new InvalidOperationException($"no hover on line {l}");
}

var resolve = new List<double>();
for (var i = 0; i < 1000 && resolvable.Count > 0; i++)
{
    var item = resolvable[rng.Next(resolvable.Count)];
    clock.Restart();
    await rpc.InvokeWithParameterObjectAsync<JToken>("completionItem/resolve", item);
    resolve.Add(clock.Elapsed.TotalMilliseconds);
}

Console.WriteLine($"{queries.Count} queries typed character by character (average {queries.Average(q => q.Length):F1} characters):");
foreach (var (pass, (empty, first, following)) in passes.Select((p, i) => (i == 0 ? "pass 1" : "pass 2", p)))
{
    Report($"{pass}: completion, empty query \\cite{{}}", empty);
    Report($"{pass}: completion, first keystroke", first);
    Report($"{pass}: completion, following keystrokes", following);
}
Report("hover on a cited key", hover);
Report("completionItem/resolve", resolve);
Console.WriteLine($"server memory: {Memory.Rss(process.Id)} at the end of the requests");
// A big library's post-load compaction waits for a quiet moment (up to 30 s): memory as an idle server holds it.
await Task.Delay(TimeSpan.FromSeconds(5));
Console.WriteLine($"server memory: {Memory.Rss(process.Id)} after 5 idle seconds");

await rpc.InvokeWithParameterObjectAsync<JToken>("shutdown");
await rpc.NotifyWithParameterObjectAsync("exit");
await process.WaitForExitAsync();
return 0;

static void Report(string name, List<double> ms)
{
    ms.Sort();
    double P(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
    Console.WriteLine($"  {name,-44} n={ms.Count,5}  p50 {P(0.50),7:F2} ms  p90 {P(0.90),7:F2} ms  p99 {P(0.99),7:F2} ms  max {ms[^1],7:F2} ms");
}

// Two words of a real title, as a writer would type them ("double desc").
static string Query(string title, Random rng)
{
    var words = Regex.Matches(title, @"[A-Za-z]{4,}").Select(m => m.Value.ToLowerInvariant()).ToList();
    if (words.Count == 0) return "";
    var a = words[rng.Next(words.Count)];
    var b = words[rng.Next(words.Count)];
    return a == b ? a : a + " " + b[..Math.Min(b.Length, 4)];
}

static string RepoRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "CiteLsp.sln"))) return dir.FullName;
    throw new InvalidOperationException("CiteLsp.sln not found");
}
