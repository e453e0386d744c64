using System.Text.RegularExpressions;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// Re-parses only the changed part of a new version of a .bib file: the text before the first change and after the
/// last one is the same, so the commands there give the same entries (moved by the length difference). Scanning
/// starts at the end of a journaled command before the change and stops at the first command end after it that the
/// old scan also reached in the same state. Returns null whenever the result could differ from a full parse.
/// Entries outside the re-scanned part are re-used as they are: the old text version hands over to the new one.
/// </summary>
internal static class BibReparser
{
    /// <summary>Versions an entry may be read through before every entry is pointed at the newest text again.</summary>
    private const int MaxHops = 16;

    public static CatalogFile? TryReparse(CatalogFile old, BibtexState state, string text)
    {
        var o = state.Text;
        var path = old.Path;
        var journal = state.Journal;
        var prefix = o.AsSpan().CommonPrefixLength(text);
        if (prefix == o.Length && o.Length == text.Length) return old;
        var suffix = CommonSuffix(o, text, Math.Min(o.Length, text.Length) - prefix);
        var delta = text.Length - o.Length;
        var suffixStart = text.Length - suffix;

        // Start after a command that ended before the change, with a line break in between: what a command reads
        // after its end (the rest of its line) is then unchanged too. A value or key that stopped at a line that starts
        // an entry looked past line breaks for that entry's brace: that text must be before the change as well.
        var s = journal.FirstEndingAtOrAfter(prefix);
        while (s > 0 && (o.AsSpan(journal.End(s - 1), prefix - journal.End(s - 1)).IndexOfAny('\n', '\r') < 0
            || BibScanner.EntryLineLooksAt(o, journal.End(s - 1)) >= prefix)) s--;
        var start = s == 0 ? 0 : journal.End(s - 1);
        if (state.LastStringAt >= start) return null; // the macros at the start would not be the final ones

        var headEntries = s == 0 ? 0 : journal.EntriesAfter(s - 1);
        var headDiagnostics = s == 0 ? 0 : journal.DiagnosticsAfter(s - 1);
        var scanDiagnostics = journal.Count == 0 ? 0 : journal.DiagnosticsAfter(journal.Count - 1);
        // Undefined macros are reported once, at their first use: names first used before the start stay quiet.
        var after = Range(state.Diagnostics, scanDiagnostics, state.Diagnostics.Count).ToList(); // passes after the scan
        var undefined = after.Where(IsUndefined).ToList();
        var reported = Range(state.Diagnostics, 0, headDiagnostics).Where(IsUndefined).Concat(undefined.Where(d => d.Span.Start < start))
            .Select(d => Spelled(o, d)).ToList();

        var lines = LineIndex.Edited(old.Lines, o, text, prefix, suffix);
        var source = new BibText(text);
        var scanner = new BibScanner(path, source, lines, state.Macros, reported);
        var resume = journal.Count; // old rows from here on are re-used
        scanner.RunFrom(start, s > 0 && journal.Recovering(s - 1), (pos, recovering) =>
        {
            // Back in step: past the change, a line break behind (so nothing later looks back into the change),
            // and the old scan ended a command at the same place in the same state.
            if (pos < suffixStart || recovering || text.AsSpan(suffixStart, pos - suffixStart).IndexOfAny('\n', '\r') < 0) return false;
            var row = journal.FirstEndingAtOrAfter(pos - delta);
            if (row >= journal.Count || journal.End(row) != pos - delta || journal.Recovering(row)) return false;
            resume = row + 1;
            return true;
        });
        if (scanner.LastStringAt >= 0 || scanner.Linking.Count > 0) return null;
        var windowScan = scanner.Diagnostics.Count;
        scanner.ResolveDeferred(); // nothing is defined later: this reports the window's undefined macros

        var oldEnd = resume == journal.Count ? o.Length : journal.End(resume - 1);
        var tailEntries = resume == journal.Count ? old.Entries.Count : journal.EntriesAfter(resume - 1);
        var tailDiagnostics = resume == journal.Count ? scanDiagnostics : journal.DiagnosticsAfter(resume - 1);
        var tail = Range(state.Diagnostics, tailDiagnostics, scanDiagnostics);

        // Keys: no new key may meet one outside the re-scanned part, and no link may lead into it.
        var newKeys = scanner.Entries.Select(e => e.Key).ToArray();
        if (newKeys.Any(state.LinkTargets.Contains)) return null;
        // An entry that inherited and is gone or changed: the inheritance pass reaches entries (and cycles) in another order.
        for (var i = headEntries; i < tailEntries; i++)
            if (state.LinkTargets.Contains(old.Entries[i].Key) || BibtexParser.Links(old.Entries[i])) return null;
        if (newKeys.Any(k => Meets(old.Entries, state.KeyHashes, 0, headEntries, k) || Meets(old.Entries, state.KeyHashes, tailEntries, old.Entries.Count, k))) return null;
        if (after.Any(d => !IsUndefined(d) && d.Span.Start >= start && d.Span.Start < oldEnd)) return null;
        if (tail.Any(d => d.Related is { } r && r.Start >= start && r.Start < oldEnd)) return null; // a duplicate of a key that changed

        // A macro first used in the old window and no longer used there is first used somewhere later: unknown here.
        var windowReports = Range(scanner.Diagnostics, windowScan, scanner.Diagnostics.Count).ToList();
        var newReported = windowReports.Select(d => Spelled(text, d)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        if (undefined.Any(d => d.Span.Start >= start && d.Span.Start < oldEnd && !newReported.Contains(Spelled(o, d)))) return null;

        // Messages after the change that name a line ("before the next entry on line 12") name it anew.
        var lineShift = lines.LineCount - old.Lines.LineCount;

        var window = scanner.Entries.Count;
        var entries = new Entry[headEntries + window + old.Entries.Count - tailEntries];
        for (var i = 0; i < window; i++) entries[headEntries + i] = BibEntryBuilder.Build(scanner.Entries[i], path, state.MacroSeed);

        var diagnostics = new List<CatalogDiagnostic>(state.Diagnostics.Count + scanner.Diagnostics.Count);
        diagnostics.AddRange(Range(state.Diagnostics, 0, headDiagnostics));
        diagnostics.AddRange(Range(scanner.Diagnostics, 0, windowScan));
        diagnostics.AddRange(tail.Select(d => Moved(d, delta, lineShift, oldEnd, text, lines)));
        // The passes after the scan, in the order a full parse makes them: undefined macros (file order), then the rest.
        diagnostics.AddRange(undefined.Where(d => d.Span.Start < start));
        diagnostics.AddRange(windowReports);
        diagnostics.AddRange(undefined.Where(d => d.Span.Start >= oldEnd && !newReported.Contains(Spelled(o, d))).Select(d => Moved(d, delta, lineShift, oldEnd, text, lines)));
        diagnostics.AddRange(after.Where(d => !IsUndefined(d)).Select(d => Moved(d, delta, lineShift, oldEnd, text, lines)));

        var rows = new BibJournal();
        rows.AddRange(journal, 0, s, 0, 0, 0);
        rows.AddRange(scanner.Journal!, 0, scanner.Journal!.Count, 0, headDiagnostics, headEntries);
        rows.AddRange(journal, resume, journal.Count, delta,
            headDiagnostics + windowScan - tailDiagnostics, headEntries + scanner.Entries.Count - tailEntries);

        // Other entries are re-used as they are, reading the new text through the old version. Not when the new
        // version looks cut short: the server then keeps serving the old parse, whose lost entries need the old
        // text. And every few versions all are re-pointed, so that reads never go through a long chain.
        var file = new CatalogFile(path, BibtexParser.Format, entries, diagnostics, lines);
        var handOver = state.Hops < MaxHops && !file.LooksCutShortAfter(old);
        var tailShift = headEntries + window - tailEntries;
        if (handOver)
        {
            for (var i = 0; i < headEntries; i++) entries[i] = old.Entries[i];
            for (var i = tailEntries; i < old.Entries.Count; i++) entries[i + tailShift] = old.Entries[i];
        }
        else
            Cores.Parts(entries.Length, (from, to) => // 100k small copies
            {
                for (var i = from; i < to; i++)
                    if (i < headEntries) entries[i] = Moved(old.Entries[i], source, 0);
                    else if (i >= headEntries + window) entries[i] = Moved(old.Entries[i - tailShift], source, delta);
            });

        if (handOver) state.Source.HandOver(source, prefix, o.Length - suffix, delta);
        return file with
        {
            Bibtex = state with
            {
                Source = source, Journal = rows, Diagnostics = diagnostics, Hops = handOver ? state.Hops + 1 : 0,
                KeyHashes = [.. state.KeyHashes.AsSpan(0, headEntries), .. newKeys.Select(BibtexState.KeyHash), .. state.KeyHashes.AsSpan(tailEntries)],
            },
        };
    }

    /// <summary>The entry over the new text (its fields read from there, so the old text can be collected).</summary>
    private static Entry Moved(Entry e, BibText source, int shift) => e with
    {
        Fields = e.Fields is BibFields f ? f.Rebased(source, shift) : e.Fields,
        // Read through the entry's own version: offsets in the old text.
        Location = e.Location with { Start = e.Location.Start + shift },
        KeyLocation = e.KeyLocation with { Start = e.KeyLocation.Start + shift },
        Origin = source,
    };

    /// <summary>
    /// A diagnostic of the re-used part: spans past the change move; a duplicate key's message names its first line
    /// anew, and a line named in a message after the change (the place it names is after it too) moves.
    /// </summary>
    private static CatalogDiagnostic Moved(CatalogDiagnostic d, int shift, int lineShift, int oldEnd, string text, LineIndex lines)
    {
        if (shift == 0 && lineShift == 0 && d.Code != "bib-duplicate-key") return d;
        var span = d.Span.Start >= oldEnd ? d.Span with { Start = d.Span.Start + shift } : d.Span;
        var related = d.Related is { } r && r.Start >= oldEnd ? r with { Start = r.Start + shift } : d.Related;
        var message = d.Message;
        if (d.Code == "bib-duplicate-key" && related is { } first && d.Message.StartsWith("duplicate key", StringComparison.Ordinal))
        {
            var (line, column) = lines.GetPosition(first.Start);
            message = BibScanner.DuplicateKeyMessage(text.Substring(span.Start, span.Length), line, column);
        }
        else if (lineShift != 0 && d.Span.Start >= oldEnd && message.Contains(OnLine, StringComparison.Ordinal))
            message = Regex.Replace(message, @" on line (\d+)", m => $"{OnLine}{int.Parse(m.Groups[1].ValueSpan) + lineShift}");
        return d with { Span = span, Related = related, Message = message };
    }

    private const string OnLine = " on line ";

    private static IEnumerable<CatalogDiagnostic> Range(IReadOnlyList<CatalogDiagnostic> list, int from, int to)
    {
        for (var i = from; i < to; i++) yield return list[i];
    }

    /// <summary>Whether entries [from, to) have the key, as bibtex compares keys (their hashes first: no need to touch 100k entries).</summary>
    private static bool Meets(IReadOnlyList<Entry> entries, int[] hashes, int from, int to, string key)
    {
        var hash = BibtexState.KeyHash(key);
        for (int i = from, k; i < to && (k = hashes.AsSpan(i, to - i).IndexOf(hash)) >= 0; i += k + 1)
            if (string.Equals(entries[i + k].Key, key, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static bool IsUndefined(CatalogDiagnostic d) => d.Code == "bib-undefined-macro";

    /// <summary>The macro name a diagnostic points at.</summary>
    private static string Spelled(string text, CatalogDiagnostic d) => text.Substring(d.Span.Start, d.Span.Length);

    private static int CommonSuffix(string a, string b, int max)
    {
        const int Block = 4096;
        var n = 0;
        while (n + Block <= max && a.AsSpan(a.Length - n - Block, Block).SequenceEqual(b.AsSpan(b.Length - n - Block, Block))) n += Block;
        while (n < max && a[a.Length - 1 - n] == b[b.Length - 1 - n]) n++;
        return n;
    }
}
