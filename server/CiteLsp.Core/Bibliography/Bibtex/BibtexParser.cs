using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>Error-tolerant BibTeX/BibLaTeX parser: never throws, keeps every good entry, reports problems with spans.</summary>
public static class BibtexParser
{
    public const string Format = "bibtex";

    /// <summary>True when the text contains something shaped like "@type{" or "@type(".</summary>
    public static bool Detect(string text)
    {
        var span = text.AsSpan();
        for (var at = span.IndexOf('@'); at >= 0 && at < span.Length - 1; at = NextAt(span, at))
        {
            var p = at + 1;
            while (p < span.Length && (char.IsAsciiLetterOrDigit(span[p]) || span[p] is '_' or '-')) p++;
            if (p == at + 1) continue;
            while (p < span.Length && span[p] is ' ' or '\t' or '\r' or '\n') p++;
            if (p < span.Length && span[p] is '{' or '(') return true;
        }
        return false;
    }

    private static int NextAt(ReadOnlySpan<char> span, int at)
    {
        var k = span[(at + 1)..].IndexOf('@');
        return k < 0 ? -1 : at + 1 + k;
    }

    /// <summary>Each part of a text scanned in parts at once is at least this long: below it a thread costs more than
    /// it saves (a 4 MB text is scanned in two parts).</summary>
    private const int MinPartLength = 2 << 20;

    public static CatalogFile Parse(string path, string text) => Parse(path, text, SplitPoints(text, Cores.Count), null, out _);

    /// <summary>
    /// A library too big to keep its text (two bytes per character): its entries keep what completion shows and read
    /// their raw fields and abstract from the file when asked (<see cref="BibDiskFields"/>); the text is let go. A
    /// million-entry library then fits in memory beside its index. Such a file is parsed whole on every change. A file
    /// whose @strings give a macro another value keeps its fields in memory: read back later, they would see the last one.
    /// </summary>
    /// <param name="offsets">Where the text's characters are in the file.</param>
    public static CatalogFile ParseLean(string path, string text, ByteOffsets offsets) => Parse(path, text, SplitPoints(text, Cores.Count), offsets, out _);

    /// <param name="split">Where a second scan starts, or -1 for one scan.</param>
    internal static CatalogFile Parse(string path, string text, int split, out bool joined) => Parse(path, text, split < 0 ? [] : [split], null, out joined);

    internal static CatalogFile Parse(string path, string text, int[] splits, out bool joined) => Parse(path, text, splits, null, out joined);

    /// <param name="splits">Where the scans of the second and later parts start (an '@' that starts an entry line), in
    /// order; none for one scan.</param>
    /// <param name="lean">For <see cref="ParseLean"/>.</param>
    /// <param name="joined">Whether every part's scan was joined (false: one scan, or an earlier part went on alone).</param>
    private static CatalogFile Parse(string path, string text, int[] splits, ByteOffsets? lean, out bool joined)
    {
        var lines = new LineIndex(text);
        var source = new BibText(text);
        var memo = new BibMemo();
        // A lean library's entries are built as they are scanned, and read their fields back later with the file's last
        // macros (filled in below). Where a macro changed value after an entry read it, they would read another value:
        // the file is then parsed as a smaller one is, its entries keeping their fields.
        var lastMacros = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var disk = lean is null ? null : new BibDiskFields(path, lean, lastMacros);
        var scanner = Scan(path, source, lines, splits, disk is null ? null : Builder(path, memo, disk), out joined);
        if (disk is not null && scanner.RedefinedMacro) return Parse(path, text, splits, null, out joined);
        var (entries, seed) = Finish(scanner, path, memo, disk, lastMacros);
        if (disk is not null) return new CatalogFile(path, Format, entries, scanner.Diagnostics, lines) { OnDisk = disk };
        // A macro used before its definition is resolved at the end of the file: a re-scan from the middle could not.
        var reusable = !scanner.Diagnostics.Any(d => d.Code == "bib-macro-order");
        return new CatalogFile(path, Format, entries, scanner.Diagnostics, lines)
        {
            Bibtex = new BibtexState(source, scanner.Journal!, scanner.Diagnostics, scanner.Macros, scanner.LastStringAt, seed, reusable,
                LinkTargets(scanner.Linking), [.. entries.Select(e => BibtexState.KeyHash(e.Key))]),
        };
    }

    /// <summary>How a lean library's scanners build an entry as soon as they scan it (see <see cref="BibScanner"/>).</summary>
    /// <param name="reuse">The file's last parse, whose entries stand for the same text (<see cref="LeanReuse"/>).</param>
    internal static Func<RawEntry, Entry> Builder(string path, BibMemo memo, BibDiskFields disk, LeanReuse? reuse = null) =>
        raw => reuse?.Take(raw, path, disk) ?? BibEntryBuilder.Build(raw, path, 0, memo, disk);

    /// <summary>
    /// The entries of a whole scan: aliases and inheritance resolved, the entries not built as they were scanned built
    /// on all cores, and every content hash given the macros' part (<paramref name="lastMacros"/>: where a lean
    /// library's entries read their fields back with).
    /// </summary>
    internal static (Entry[] Entries, ulong MacroSeed) Finish(BibScanner scanner, string path, BibMemo memo, BibDiskFields? disk, Dictionary<string, string> lastMacros)
    {
        AddAliases(scanner, path);
        BibInheritance.Resolve(scanner.Linking, scanner.FindWithFields, path, scanner.Diagnostics);
        var seed = MacroSeed(scanner.Macros);
        foreach (var (name, value) in scanner.Macros) lastMacros[name] = value;
        var entries = new Entry[scanner.Entries.Count];
        Cores.Parts(entries.Length, (from, to) =>
        {
            for (var i = from; i < to; i++)
            {
                var raw = scanner.Entries[i];
                if (raw.Built is not { } built) entries[i] = BibEntryBuilder.Build(raw, path, seed, memo, disk);
                else (entries[i] = built).ContentHash ^= seed; // built with no macros' part in its hash
            }
        });
        disk?.Attach(entries);
        return (entries, seed);
    }

    /// <summary>Where the scans of a big text's later parts start (<paramref name="parts"/> at most, each at least
    /// <see cref="MinPartLength"/>): the first line that starts an entry from each cut on.</summary>
    internal static int[] SplitPoints(string text, int parts)
    {
        parts = Math.Min(parts, text.Length / MinPartLength);
        var splits = new List<int>();
        for (var p = 1; p < parts; p++)
        {
            // Looked for in the first half of the part only: a part that starts later is left to the one before.
            var (from, to) = ((int)((long)text.Length * p / parts), (int)((long)text.Length * (2 * p + 1) / (2 * parts)));
            for (var i = Math.Max(from, splits.LastOrDefault() + 1); i < to; i++)
            {
                var k = text.AsSpan(i, to - i).IndexOf("\n@");
                if (k < 0) break;
                i += k + 1;
                if (!BibScanner.StartsEntryLine(text, i)) continue;
                splits.Add(i);
                break;
            }
        }
        return [.. splits];
    }

    /// <summary>
    /// The scan of the whole text, in parts at once from each of <paramref name="splits"/> on: each part's scan is
    /// joined to the scan of the parts before when that gives exactly one scan's result, else that scan goes on alone.
    /// </summary>
    /// <param name="build">Builds entries as they are scanned (see <see cref="BibScanner"/>).</param>
    private static BibScanner Scan(string path, BibText source, LineIndex lines, int[] splits, Func<RawEntry, Entry>? build, out bool joined)
    {
        var text = source.Text;
        var names = new NameTable();
        var scanner = new BibScanner(path, source, lines, names: names, build: build);
        joined = false;
        if (splits.Length == 0 || splits.Any(s => s <= 0 || s >= text.Length || !BibScanner.StartsEntryLine(text, s))
            || splits.Zip(splits.Skip(1)).Any(pair => pair.First >= pair.Second))
        {
            scanner.Run();
            return scanner;
        }
        int[] starts = [0, .. splits, text.Length];
        var scans = new BibScanner[splits.Length + 1];
        var stops = new (int Pos, bool Recovering)[scans.Length];
        Cores.Each(scans.Length, p =>
        {
            scans[p] = p == 0 ? scanner : new BibScanner(path, source, lines, names: names, build: build);
            stops[p] = scans[p].RunFrom(starts[p], false, null, end: p + 1 < scans.Length ? starts[p + 1] : int.MaxValue);
        });
        var at = stops[0];
        var part = 1;
        // A part's last command cannot read past an entry line; should it ever, the later parts' scans are not used.
        for (; part < scans.Length && at.Pos <= starts[part] && scanner.Adopt(scans[part]); part++) at = stops[part];
        joined = part == scans.Length;
        if (!joined) scanner.RunFrom(at.Pos, at.Recovering, null);
        scanner.ResolveDeferred();
        return scanner;
    }

    /// <summary>
    /// The parse of a new version of a file parsed before: only the part that changed is scanned again when that
    /// gives exactly what <see cref="Parse"/> would (a Zotero export rewritten after one edit); otherwise a full parse.
    /// </summary>
    public static CatalogFile Reparse(CatalogFile previous, string text) =>
        previous.Bibtex is { Reusable: true } state && previous.Format == Format && !state.Source.HandedOver
            ? BibReparser.TryReparse(previous, state, text) ?? Parse(previous.Path, text)
            : Parse(previous.Path, text);

    /// <summary>Entries that take fields or keys from other entries: a change to one can change others.</summary>
    internal static bool Links(RawEntry e) => Links(e.Fields);

    internal static bool Links(Entry e) => Links(e.Fields);

    private static bool Links(IReadOnlyDictionary<string, string> fields) =>
        fields.ContainsKey("crossref") || fields.ContainsKey("xdata") || fields.ContainsKey("ids");

    private static readonly string[] LinkFields = ["crossref", "xdata", "ids"];

    /// <summary>Keys that entries inherit from (crossref, xdata) or claim as aliases (ids): an edit to one of them re-parses all.</summary>
    private static HashSet<string> LinkTargets(List<RawEntry> entries)
    {
        var targets = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
            foreach (var field in LinkFields)
                if (e.Fields.TryGetValue(field, out var value))
                    foreach (var key in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)) targets.Add(key);
        return targets;
    }

    /// <summary>Hash of the macro table: an entry's content depends on it as much as on its text.</summary>
    internal static ulong MacroSeed(IReadOnlyDictionary<string, string> macros)
    {
        var hash = new System.IO.Hashing.XxHash3();
        foreach (var (name, value) in macros.OrderBy(m => m.Key, StringComparer.OrdinalIgnoreCase))
        {
            hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(name.ToLowerInvariant().AsSpan()));
            hash.Append("="u8);
            hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan()));
            hash.Append("\n"u8);
        }
        return hash.GetCurrentHashAsUInt64();
    }

    /// <summary>"ids" aliases resolve crossref/xdata references too (biber does this).</summary>
    internal static void AddAliases(BibScanner scanner, string path)
    {
        foreach (var e in scanner.Linking)
        {
            if (!e.Fields.TryGetValue("ids", out var ids)) continue;
            foreach (var alias in ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (!scanner.TryAddAlias(alias, e) && scanner.Find(alias) != e)
                    scanner.Diagnostics.Add(new CatalogDiagnostic(Severity.Warning, "bib-duplicate-key",
                        $"alias '{alias}' of '{e.Key}' is already a key or alias of another entry", new SourceSpan(path, e.KeyStart, e.Key.Length)));
        }
    }
}
