using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Bibliography.Bibtex;
using CiteLsp.Fuzz.Engine;

namespace CiteLsp.Fuzz.Harnesses;

/// <summary>
/// The BibTeX parser's paths for big libraries against one plain scan, on any bytes: the scan split in two or three
/// parts at entry lines, a re-parse of an edited version (only what changed scanned again), and lean entries that read their raw
/// fields back from the file. Each must give exactly what a full parse gives.
/// </summary>
internal sealed class BibPathsHarness : Harness
{
    private const string Name0 = "fuzz.bib";

    public override string Name => "bibtex-paths";
    public override string Description => "BibTeX split scan, re-parse after an edit and lean entries, each against a full parse";
    public override IReadOnlyList<string> SeedExtensions => [".bib"];
    public override IReadOnlyList<string> Tokens =>
        ["\n@article{", "\n@string{", "crossref = {", "xdata = {", "ids = {", "# ", "@comment{", "abstract = {", "\n@preamble{"];

    public override void Run(byte[] input)
    {
        var text = FuzzText.Decode(input);
        var full = BibtexParser.Parse(Name0, text, -1, out _);
        List<string> expected = [.. BibDescription.Of(full), .. BibDescription.State(full)];
        var lines = EntryLines(text, input);
        foreach (var split in lines)
        {
            var parts = BibtexParser.Parse(Name0, text, split, out _);
            Same(expected, [.. BibDescription.Of(parts), .. BibDescription.State(parts)], "split-scan", $"split at {split}");
        }
        if (lines.Distinct().Order().Take(2).ToArray() is [var a, var b])
        {
            var parts = BibtexParser.Parse(Name0, text, [a, b], out _);
            Same(expected, [.. BibDescription.Of(parts), .. BibDescription.State(parts)], "split-scan-3", $"split at {a} and {b}");
        }

        var edited = Edit(text, input);
        Same(BibDescription.Of(BibtexParser.Parse(Name0, edited, -1, out _)), BibDescription.Of(BibtexParser.Reparse(full, edited)),
            "reparse", $"edit to a text of {edited.Length} characters");

        Lean(input);
    }

    /// <summary>Up to three lines that start an entry, picked by the input.</summary>
    private static List<int> EntryLines(string text, byte[] input)
    {
        var lines = new List<int>();
        for (var i = text.IndexOf("\n@", StringComparison.Ordinal); i >= 0; i = text.IndexOf("\n@", i + 1, StringComparison.Ordinal))
            if (BibScanner.StartsEntryLine(text, i + 1)) lines.Add(i + 1);
        if (lines.Count <= 3) return lines;
        var h = Hash(input);
        return [lines[(int)(h % (uint)lines.Count)], lines[(int)((h >> 11) % (uint)lines.Count)], lines[^1]];
    }

    /// <summary>A deletion, or a copy of another part inserted, where the input says.</summary>
    private static string Edit(string text, byte[] input)
    {
        if (text.Length == 0) return "@misc{new, title = {New}}\n";
        var h = Hash(input);
        var at = (int)(h % (uint)text.Length);
        var length = (int)((h >> 8) % 48);
        if ((h & 0x8000_0000) == 0) return text.Remove(at, Math.Min(length, text.Length - at));
        var from = (int)((h >> 13) % (uint)text.Length);
        return text.Insert(at, text.Substring(from, Math.Min(length, text.Length - from)));
    }

    /// <summary>The same file read lean (fields read back from it) and whole, as <c>BibLeanTests</c> compares them.</summary>
    private static void Lean(byte[] input)
    {
        // One file per thread: tests replay this harness on several threads at once.
        var leanFile = Path.Combine(Path.GetTempPath(), $"citelsp-fuzz-lean-{Environment.ProcessId}-{Environment.CurrentManagedThreadId}.bib");
        try { Lean(input, leanFile); }
        finally { File.Delete(leanFile); }
    }

    private static void Lean(byte[] input, string leanFile)
    {
        File.WriteAllBytes(leanFile, input);
        var full = CatalogLoader.Load(leanFile, null, fieldsOnDiskAbove: long.MaxValue);
        var lean = CatalogLoader.Load(leanFile, null, fieldsOnDiskAbove: 0);
        if (full.Format != BibtexParser.Format) return;
        Same(full.Diagnostics.Select(BibDescription.Of).ToList(), lean.Diagnostics.Select(BibDescription.Of).ToList(), "lean-diagnostics", "diagnostics");
        Check.Equal(full.Entries.Count, lean.Entries.Count, "lean-count", "entries");
        // Which member of a reported inheritance cycle takes fields from the others depends on the order entries reach it.
        var cycle = full.Diagnostics.Any(d => d.Code == "bib-crossref-cycle");
        for (var i = 0; i < full.Entries.Count; i++)
        {
            var (f, l) = (full.Entries[i], lean.Entries[i]);
            Check.Equal(Shown(f), Shown(l), "lean-entry", $"entry {i}");
            if (cycle && (f.Fields.ContainsKey("crossref") || f.Fields.ContainsKey("xdata"))) continue;
            Check.Equal(Fields(f), Fields(l), "lean-fields", $"entry {f.Key}");
            Check.Equal(f.Abstract, l.Abstract, "lean-abstract", $"entry {f.Key}");
        }
        // The same file read a window at a time (windows of a few entries), unless it is left to the whole parse.
        if (BibWindows.TryParse(leanFile, 64 + input.Length % 200) is not { } windowed) return;
        Same(lean.Diagnostics.Select(BibDescription.Of).ToList(), windowed.Diagnostics.Select(BibDescription.Of).ToList(), "window-diagnostics", "diagnostics");
        Check.Equal(lean.Entries.Count, windowed.Entries.Count, "window-count", "entries");
        for (var i = 0; i < lean.Entries.Count; i++)
        {
            var (l, w) = (lean.Entries[i], windowed.Entries[i]);
            Check.Equal(Shown(l), Shown(w), "window-entry", $"entry {i}");
            Check.Equal(Fields(l), Fields(w), "window-fields", $"entry {l.Key}");
        }
        Check.Equal(string.Join(",", Enumerable.Range(0, lean.Lines.LineCount).Select(lean.Lines.LineStart)),
            string.Join(",", Enumerable.Range(0, windowed.Lines.LineCount).Select(windowed.Lines.LineStart)), "window-lines", "line starts");
    }

    private static string Shown(Entry e) =>
        $"{e.Key}|{e.Type}|{e.Title}|{string.Join(";", e.Authors)}|{e.AuthorsTruncated}|{e.Date}|{e.Venue}|{e.Doi}|{e.Url}|{e.ArxivId}|" +
        $"{string.Join(",", e.Aliases)}|{e.ContentHash}|{e.Location}|{e.KeyLocation}";

    private static string Fields(Entry e) => string.Join("\n", e.Fields.Select(f => $"{f.Key}={f.Value}"));

    private static void Same(List<string> expected, List<string> actual, string property, string what)
    {
        var at = 0;
        while (at < expected.Count && at < actual.Count && expected[at] == actual[at]) at++;
        Check.That(at == expected.Count && at == actual.Count, property,
            () => $"{what}: line {at} differs: expected «{expected.ElementAtOrDefault(at)}», got «{actual.ElementAtOrDefault(at)}»");
    }

    private static uint Hash(byte[] input)
    {
        var h = 2166136261u;
        foreach (var b in input) h = (h ^ b) * 16777619u;
        return h;
    }
}
