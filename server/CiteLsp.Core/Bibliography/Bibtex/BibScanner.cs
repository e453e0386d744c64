using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// Single-pass scanner over a .bib text, following bibtex's rules: text outside "@" commands is ignored,
/// @comment is skipped as a word, @string defines macros, entries keep the fields read before an error.
/// After a syntax error it resumes at the next "@"; a brace or quote left open stops at the next line
/// that starts an entry, so one typo loses one entry rather than the rest of the file.
/// </summary>
internal sealed partial class BibScanner
{
    private static readonly SearchValues<char> BraceOrAt = SearchValues.Create("{}@");
    private static readonly SearchValues<char> QuoteBraceOrAt = SearchValues.Create("{}\"@");

    private BibWindow _s;
    private BibText _source;
    private readonly string _path;
    private readonly ILinePositions _lines;
    private readonly NameTable _names;
    private readonly Dictionary<string, string> _macros = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Macros an @string of this scan defined (not those it started with).</summary>
    private readonly HashSet<string> _defined = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Macros an entry has read so far (see <see cref="RedefinedMacro"/>).</summary>
    private readonly HashSet<string> _used = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _usedLookup;
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _macroLookup;
    private readonly Dictionary<string, RawEntry> _byKey;
    private readonly StringBuilder _sb = new();
    private HashSet<string>? _reportedMacros;
    private int _undefinedHits;
    private readonly Func<RawEntry, Entry>? _build;
    /// <summary>With <see cref="_build"/>: what every entry's fields are read into, then built from or taken out of.</summary>
    private BibFields? _reading;

    public List<RawEntry> Entries { get; }
    public List<CatalogDiagnostic> Diagnostics { get; } = [];
    /// <summary>
    /// The entry with this key or "ids" alias, case-insensitive (bibtex's key comparison). After <see cref="Adopt"/>,
    /// each later part's keys are looked up in that part's own map: a key two parts have is the earlier part's (the
    /// later one's is a duplicate), and 500k keys added to one map one by one took one core 0.2 s at 1M entries.
    /// </summary>
    public RawEntry? Find(string key)
    {
        if (_byKey.TryGetValue(key, out var entry)) return entry;
        foreach (var part in _adopted) if (part.TryGetValue(key, out entry)) return entry;
        return null;
    }

    /// <summary>Makes <paramref name="alias"/> resolve to <paramref name="entry"/>; false when it is taken.</summary>
    public bool TryAddAlias(string alias, RawEntry entry) => Find(alias) is null && _byKey.TryAdd(alias, entry);

    /// <summary>The key maps of the parts adopted, in order.</summary>
    private readonly List<Dictionary<string, RawEntry>> _adopted = [];

    /// <summary>Accepted entries that take fields or keys from others (crossref, xdata, ids), in file order: what
    /// inheritance and aliases look at (most files have none; their passes over every entry took 0.1 s at 1M).</summary>
    public List<RawEntry> Linking { get; } = [];

    /// <summary>Accepted entries with a value that used a macro not defined yet, in file order (see <see cref="ResolveDeferred"/>).</summary>
    private readonly List<RawEntry> _deferred = [];

    /// <summary>Where each top-level command ended, so that a later version of the file can be re-scanned from there;
    /// null for a lean library's scan (<c>build</c>), which is never re-scanned in part (at 1M entries its rows, grown
    /// by doubling in every window and again when joined, were 80 MB allocated for nothing).</summary>
    public BibJournal? Journal { get; }
    /// <summary>Macros known now (month names, then every @string read so far).</summary>
    public IReadOnlyDictionary<string, string> Macros => _macros;
    /// <summary>Offset of the last @string definition, or -1.</summary>
    public int LastStringAt { get; private set; } = -1;
    /// <summary>Whether an @string gave a macro another value after an entry had read it: that entry keeps the old one.</summary>
    public bool RedefinedMacro { get; private set; }
    /// <param name="macros">For a re-scan from the middle of a file: the macros defined before that point.</param>
    /// <param name="reportedMacros">For a re-scan: undefined macros already reported before that point (each is reported once).</param>
    /// <param name="names">Shared with the scanners of the other parts of a file scanned in parts at once.</param>
    /// <param name="build">Builds an entry as soon as it is scanned, when nothing it reads can change later (no macro
    /// used before its definition, no link to other entries); its fields are then let go.</param>
    /// <param name="expectedEntries">Room for the entries and keys from the start (a window of a huge file: its list and
    /// key map are not grown by doubling in every window).</param>
    public BibScanner(string path, BibText source, ILinePositions lines, IReadOnlyDictionary<string, string>? macros = null, IEnumerable<string>? reportedMacros = null,
        NameTable? names = null, Func<RawEntry, Entry>? build = null, int expectedEntries = 0)
    {
        _byKey = new(expectedEntries, StringComparer.OrdinalIgnoreCase);
        Entries = new(expectedEntries);
        _build = build;
        Journal = build is null ? new() : null;
        _names = names ?? new NameTable();
        _source = source;
        _s = source.Window;
        _path = path;
        _lines = lines;
        _macroLookup = _macros.GetAlternateLookup<ReadOnlySpan<char>>();
        _usedLookup = _used.GetAlternateLookup<ReadOnlySpan<char>>();
        for (var m = 0; m < 12; m++) _macros[BibDates.MonthMacros[m]] = BibDates.MonthNames[m];
        if (macros is not null) foreach (var (name, value) in macros) _macros[name] = value;
        if (reportedMacros is not null) _reportedMacros = new HashSet<string>(reportedMacros, StringComparer.OrdinalIgnoreCase);
    }

    public void Run()
    {
        RunFrom(_s.Base, recovering: false, stop: null);
        ResolveDeferred();
    }

    /// <summary>
    /// Scans commands from <paramref name="pos"/> (a point where a command ended, with its recovering state) until the
    /// text ends or <paramref name="stop"/> says the scan is back in step with an earlier version of the file.
    /// Commands that start at or after <paramref name="end"/> are left alone.
    /// Returns where it stopped and the recovering state there.
    /// </summary>
    public (int Pos, bool Recovering) RunFrom(int pos, bool recovering, Func<int, bool, bool>? stop, int end = int.MaxValue)
    {
        while (pos < _s.Length)
        {
            var at = _s.AsSpan(pos).IndexOf('@');
            if (at < 0) break;
            if (pos + at >= end) return (pos, recovering);
            pos = Command(pos + at, ref recovering);
            Journal?.Add(pos, recovering, Diagnostics.Count, Entries.Count);
            if (stop is not null && stop(pos, recovering)) return (pos, recovering);
        }
        return (_s.Length, recovering);
    }

    /// <summary>Parses the command at '@'; returns where scanning continues.</summary>
    private int Command(int at, ref bool recovering)
    {
        var p = SkipWs(at + 1);
        var typeStart = p;
        p = ScanId(p);
        if (p == typeStart)
        {
            if (!recovering) Error(at, 1, "'@' is not followed by an entry type; it is ignored");
            return p; // past what it looked at (see below)
        }
        var type = _names.Lower(_s.AsSpan(typeStart, p - typeStart));
        if (type == "comment") { recovering = false; return p; }
        var open = SkipWs(p);
        if (open >= _s.Length || _s[open] is not ('{' or '('))
        {
            if (!recovering) Error(open < _s.Length ? open : at, 1, $"expected '{{' or '(' after '@{type}'");
            // Scanning goes on from where this command looked (past line breaks, maybe to the end of the text): a
            // re-parse that starts after this command must not keep it when what it looked at changed.
            return open;
        }
        recovering = false;
        var close = _s[open] == '{' ? '}' : ')';
        var r = SkipWs(open + 1);
        if (type == "string") LastStringAt = at;
        var ok = type switch
        {
            "string" => StringDefinition(ref r),
            "preamble" => ReadValue(ref r, "@preamble", null, out _, out _, out _),
            _ => Entry(at, type, ref r, close),
        };
        if (ok && (r >= _s.Length || _s[r] != close))
        {
            Error(Math.Min(r, _s.Length), 1, $"expected '{close}' to end '@{type}'");
            ok = false;
        }
        if (!ok) { recovering = true; return r; }
        CheckAfterEnd(r + 1);
        return r + 1;
    }

    private bool StringDefinition(ref int p)
    {
        var nameStart = p;
        p = ScanId(p);
        if (p == nameStart) { Error(p, 1, "expected a macro name after '@string{'"); return false; }
        var name = _s.Substring(nameStart, p - nameStart);
        p = SkipWs(p);
        if (p >= _s.Length || _s[p] != '=') { Error(p, 1, $"expected '=' after '@string{{{name}'"); return false; }
        p = SkipWs(p + 1);
        if (!ReadValue(ref p, name, null, out var value, out var slice, out _)) return false;
        value ??= _s.Substring(slice.Start, slice.Length);
        if (_macros.TryGetValue(name, out var was) && was != value && _used.Contains(name)) RedefinedMacro = true;
        _macros[name] = value;
        _defined.Add(name);
        return true;
    }

    private bool Entry(int at, string type, ref int p, char close)
    {
        var keyStart = p;
        p = ScanKey(p, close);
        var next = SkipWs(p);
        if (p == keyStart || (next < _s.Length && _s[next] == '='))
        {
            Error(keyStart, Math.Max(0, p - keyStart), $"missing citation key in '@{type}' entry; the entry is skipped");
            // Resume after the text taken for a key (an entry inside it would start a line, where the key scan stops):
            // resuming at its start rescanned it once per '@' in it, quadratic on a long line of "@misc(". And past the
            // '=' looked for on later lines: a re-parse that starts after this command must see a change there.
            p = next;
            return false;
        }
        var entry = new RawEntry(_source, type, _s.Substring(keyStart, p - keyStart), at, keyStart, _build is null ? null : _reading ??= new BibFields(_source, 12));
        p = SkipWs(p);
        var ok = Fields(entry, ref p, close);
        entry.End = ok ? p + 1 : Math.Max(keyStart + entry.Key.Length, TrimEndWs(p));
        var accepted = Accept(entry);
        if (_build is null) entry.Fields.TrimExcess();
        else if (accepted && entry.Deferred is null && !BibtexParser.Links(entry))
        {
            entry.Built = _build(entry);
            _reading!.Clear();
            entry.Fields = BibFields.None;
        }
        else entry.Fields = _reading!.TakeAll();
        return ok;
    }

    private bool Fields(RawEntry entry, ref int p, char close)
    {
        if (p < _s.Length && _s[p] == close) return true;
        if (p >= _s.Length || _s[p] != ',')
        {
            Error(p, 1, $"expected ',' after the key '{entry.Key}'");
            return false;
        }
        p = SkipWs(p + 1);
        while (true)
        {
            if (p >= _s.Length) { Error(entry.Start, 1, $"entry '{entry.Key}' is not closed: missing '{close}' at the end of the file"); return false; }
            if (_s[p] == close) return true;
            var nameStart = p;
            p = ScanId(p);
            if (p == nameStart)
            {
                Error(p, 1, _s[p] == '@'
                    ? $"entry '{entry.Key}' is not closed before the next entry: missing '{close}'"
                    : $"expected a field name or '{close}' in entry '{entry.Key}', found '{_s[p]}'");
                return false;
            }
            var name = _names.Lower(_s.AsSpan(nameStart, p - nameStart));
            p = SkipWs(p);
            if (p >= _s.Length || _s[p] != '=') { Error(Math.Min(p, _s.Length), 1, $"expected '=' after the field name '{name}'"); return false; }
            p = SkipWs(p + 1);
            var valueStart = p;
            if (!ReadValue(ref p, name, entry, out var value, out var slice, out var month))
            {
                // The field is dropped: reading it again once macros are known would report its error twice.
                DropDeferred(entry, valueStart);
                return false;
            }
            var added = value is null
                ? entry.Fields.TryAddSlice(name, slice.Start, slice.Length)
                : entry.Fields.TryAdd(name, value);
            if (!added)
            {
                // The first value is kept: a macro the ignored one uses must not replace it once it is defined.
                DropDeferred(entry, valueStart);
                Diagnostics.Add(new CatalogDiagnostic(Severity.Warning, "bib-duplicate-field",
                    $"field '{name}' appears twice in '{entry.Key}'; the first value is kept", new SourceSpan(_path, nameStart, name.Length)));
            }
            else if (name == "month") entry.MonthFromMacro = month;
            if (p < _s.Length && _s[p] == ',') { p = SkipWs(p + 1); continue; }
            if (p < _s.Length && _s[p] == close) return true;
            if (p >= _s.Length) { Error(entry.Start, 1, $"entry '{entry.Key}' is not closed: missing '{close}' at the end of the file"); return false; }
            Error(p, 1, _s[p] == '@'
                ? $"entry '{entry.Key}' is not closed before the next entry: missing '{close}'"
                : $"missing ',' after the value of '{name}' in '{entry.Key}'");
            return false;
        }
    }

    /// <summary>Forgets the value at <paramref name="valueStart"/> that was to be re-read. Its own method: a lambda in
    /// <see cref="Fields"/> made every field allocate the captured variable (9M objects, 216 MB at 1M entries).</summary>
    private static void DropDeferred(RawEntry entry, int valueStart) => entry.Deferred?.RemoveAll(d => d.ValueStart == valueStart);

    /// <summary>
    /// Reads "token # token …" at p (whitespace already skipped); on success p is past the value and its trailing
    /// whitespace. <paramref name="entry"/> is null outside entries and when re-reading a deferred value.
    /// A value that is one {…}, "…" or number token comes back as a slice of the text (value null), to avoid a copy.
    /// </summary>
    private bool ReadValue(ref int p, string field, RawEntry? entry, out string? value, out (int Start, int Length) slice, out int monthMacro)
    {
        value = null;
        slice = default;
        monthMacro = 0;
        var valueStart = p;
        string? first = null;
        (int Start, int Length) firstSlice = default;
        var tokens = 0;
        while (true)
        {
            if (p >= _s.Length) { Error(Math.Max(0, _s.Length - 1), 0, $"missing value for '{field}' at the end of the file"); return false; }
            var c = _s[p];
            string? piece;
            if (c is '{' or '"')
            {
                var end = c == '{' ? BraceEnd(p, out var stop) : QuoteEnd(p, out stop);
                if (end < 0)
                {
                    var where = stop < 0 ? "before the end of the file" : $"before the next entry on line {_lines.GetPosition(stop).Line + 1}";
                    Error(p, 1, c == '{'
                        ? $"unbalanced '{{' in the value of '{field}': no matching '}}' {where}"
                        : $"unterminated string in the value of '{field}': no closing '\"' {where}");
                    p = stop < 0 ? _s.Length : stop;
                    return false;
                }
                slice = (p + 1, end - p - 1);
                piece = null;
                p = end + 1;
            }
            else if (char.IsAsciiDigit(c))
            {
                var q = p;
                while (q < _s.Length && char.IsAsciiDigit(_s[q])) q++;
                slice = (p, q - p);
                piece = null;
                p = q;
            }
            else if (IsIdChar(c))
            {
                var q = ScanId(p);
                var name = _s.AsSpan(p, q - p);
                if (_macroLookup.TryGetValue(name, out var expansion))
                {
                    if (entry is not null) _usedLookup.Add(name);
                }
                else
                {
                    expansion = "";
                    _undefinedHits++;
                    if (entry is not null) (entry.Deferred ??= []).Add((field, valueStart, p));
                    else if (field != "@preamble") ReportMacro(name.ToString(), p, defined: false);
                }
                if (tokens == 0 && name.Length == 3) monthMacro = MonthIndex(name);
                piece = expansion;
                p = q;
            }
            else
            {
                Error(p, 1, $"expected a value for '{field}' (a {{braced}} or \"quoted\" text, a number or a macro), found '{c}'");
                return false;
            }
            if (++tokens == 1) { first = piece; firstSlice = slice; }
            else
            {
                if (tokens == 2)
                {
                    _sb.Clear();
                    if (first is null) _sb.Append(_s.AsSpan(firstSlice.Start, firstSlice.Length)); else _sb.Append(first);
                }
                if (piece is null) _sb.Append(_s.AsSpan(slice.Start, slice.Length)); else _sb.Append(piece);
            }
            p = SkipWs(p);
            if (p < _s.Length && _s[p] == '#') { p = SkipWs(p + 1); continue; }
            break;
        }
        if (tokens > 1) monthMacro = 0;
        value = tokens == 1 ? first : _sb.ToString();
        slice = firstSlice;
        return true;
    }

    private static int MonthIndex(ReadOnlySpan<char> name)
    {
        for (var m = 0; m < 12; m++) if (name.Equals(BibDates.MonthMacros[m], StringComparison.OrdinalIgnoreCase)) return m + 1;
        return 0;
    }

    /// <summary>Index of the '}' matching the '{' at open, or -1 (stop = the entry start that cut it short, or -1 at EOF).</summary>
    private int BraceEnd(int open, out int stop)
    {
        var depth = 0;
        var i = open;
        while (true)
        {
            var k = _s.AsSpan(i).IndexOfAny(BraceOrAt);
            if (k < 0) { stop = -1; return -1; }
            i += k;
            var c = _s[i];
            if (c == '{') depth++;
            else if (c == '}') { if (--depth == 0) { stop = 0; return i; } }
            else if (IsEntryStartAtLineStart(i)) { stop = i; return -1; }
            i++;
        }
    }

    /// <summary>Index of the '"' ending the string opened at open (quotes inside braces do not count).</summary>
    private int QuoteEnd(int open, out int stop)
    {
        var depth = 0;
        var i = open + 1;
        while (true)
        {
            var k = _s.AsSpan(i).IndexOfAny(QuoteBraceOrAt);
            if (k < 0) { stop = -1; return -1; }
            i += k;
            var c = _s[i];
            if (c == '{') depth++;
            else if (c == '}') { if (depth > 0) depth--; }
            else if (c == '"') { if (depth == 0) { stop = 0; return i; } }
            else if (IsEntryStartAtLineStart(i)) { stop = i; return -1; }
            i++;
        }
    }

    private bool IsEntryStartAtLineStart(int at) => StartsEntryLine(_s, at);

    /// <summary>The last position <see cref="StartsEntryLine"/> looks at for an '@' at <paramref name="at"/> (past line
    /// breaks, to the brace after the type): a value or key that stopped there depends on the text up to it.</summary>
    public static int EntryLineLooksAt(BibWindow s, int at) => at < s.Length && s[at] == '@' ? SkipWs(s, ScanId(s, at + 1)) : at;

    /// <summary>"@type{" or "@type(" at <paramref name="at"/> with only blanks before it on its line: no value or key reads past it.</summary>
    public static bool StartsEntryLine(BibWindow s, int at)
    {
        var b = at - 1;
        while (b >= s.Base && s[b] is ' ' or '\t') b--;
        if (b >= s.Base && s[b] is not ('\n' or '\r')) return false;
        var p = ScanId(s, at + 1);
        if (p == at + 1) return false;
        p = SkipWs(s, p);
        return p < s.Length && s[p] is '{' or '(';
    }

    /// <summary>Text on the rest of an entry's last line is usually a stray brace or field: report it (bibtex ignores it).</summary>
    private void CheckAfterEnd(int p)
    {
        while (p < _s.Length && _s[p] is ' ' or '\t') p++;
        if (p >= _s.Length || _s[p] is '\n' or '\r' or '%' or '@') return;
        var end = p;
        while (end < _s.Length && _s[end] is not ('\n' or '\r')) end++;
        Error(p, end - p, "unexpected text after the end of the entry (an extra '}' or a misplaced field?); it is ignored");
    }

    /// <returns>False for a duplicate key (reported, not kept).</returns>
    private bool Accept(RawEntry entry)
    {
        // After a later part's scan was not joined, this scan goes on past keys that only the adopted maps hold.
        if (_adopted.Count > 0 && Find(entry.Key) is { } earlier)
        {
            Diagnostics.Add(DuplicateKey(entry.KeyStart, entry.Key, earlier));
            return false;
        }
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_byKey, entry.Key, out var taken); // one lookup per key
        if (taken)
        {
            Diagnostics.Add(DuplicateKey(entry.KeyStart, entry.Key, first!));
            return false;
        }
        first = entry;
        Add(entry);
        return true;
    }

    private void Add(RawEntry entry)
    {
        entry.AcceptedAt = Diagnostics.Count;
        Entries.Add(entry);
        if (BibtexParser.Links(entry)) Linking.Add(entry);
        if (entry.Deferred is not null) _deferred.Add(entry);
    }

    private CatalogDiagnostic DuplicateKey(int keyStart, string key, RawEntry first)
    {
        var (line, col) = _lines.GetPosition(first.KeyStart);
        return new CatalogDiagnostic(Severity.Warning, "bib-duplicate-key", DuplicateKeyMessage(key, line, col),
            new SourceSpan(_path, keyStart, key.Length)) { Related = new SourceSpan(_path, first.KeyStart, first.Key.Length) };
    }

    public static string DuplicateKeyMessage(string key, int line, int column) =>
        $"duplicate key '{key}' (first defined at line {line + 1}, column {column + 1}); this entry is ignored, as bibtex does";

    /// <summary>Re-reads values that used a macro defined later in the file (bibtex would leave it empty).</summary>
    public void ResolveDeferred()
    {
        foreach (var e in _deferred)
        {
            // An entry of a window scanned apart reads its own text (BibWindows), and what it reports is reported here.
            var reader = Over(e.Source);
            foreach (var (field, start, macroAt) in e.Deferred!.DistinctBy(d => d.Field))
            {
                var p = start;
                var before = reader._undefinedHits;
                if (!reader.ReadValue(ref p, field, null, out var value, out var slice, out _)) continue;
                e.Fields.Set(field, value ?? reader._s.Substring(slice.Start, slice.Length));
                if (reader._undefinedHits == before) reader.ReportMacro(reader._s[macroAt..reader.ScanId(macroAt)], macroAt, defined: true);
            }
            if (reader == this) continue;
            Diagnostics.AddRange(reader.Diagnostics);
            reader.Diagnostics.Clear();
        }
    }

    private BibScanner? _apart;

    /// <summary>
    /// This scanner, or one with its macros (and the macros it reported, one set) reading <paramref name="source"/>: the
    /// text of an entry whose window was re-used (<see cref="BibWindows"/>). One for all such entries, pointed at each in
    /// turn; its diagnostics are the caller's to take.
    /// </summary>
    private BibScanner Over(BibText source)
    {
        if (source == _source) return this;
        _apart ??= new BibScanner(_path, source, _lines, _macros, names: _names) { _reportedMacros = _reportedMacros ??= new(StringComparer.OrdinalIgnoreCase) };
        (_apart._source, _apart._s) = (source, source.Window);
        return _apart;
    }

    private void ReportMacro(string name, int at, bool defined)
    {
        _reportedMacros ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (!_reportedMacros.Add(name)) return;
        Diagnostics.Add(defined
            ? new CatalogDiagnostic(Severity.Warning, "bib-macro-order", $"macro '{name}' is used before its @string definition (bibtex would leave it empty)", new SourceSpan(_path, at, name.Length))
            : new CatalogDiagnostic(Severity.Warning, "bib-undefined-macro", $"undefined macro '{name}' (no @string defines it); its value is left empty", new SourceSpan(_path, at, name.Length)));
    }

    private void Error(int at, int length, string message)
    {
        at = Math.Clamp(at, 0, _s.Length);
        Diagnostics.Add(new CatalogDiagnostic(Severity.Error, "bib-syntax", message, new SourceSpan(_path, at, Math.Clamp(length, 0, _s.Length - at))));
    }

    private int SkipWs(int p) => SkipWs(_s, p);

    private static int SkipWs(BibWindow s, int p)
    {
        while (p < s.Length && s[p] <= ' ' && s[p] is ' ' or '\t' or '\n' or '\r' or '\f' or '\v') p++;
        return p;
    }

    private int TrimEndWs(int p)
    {
        while (p > _s.Base && _s[p - 1] is ' ' or '\t' or '\n' or '\r') p--;
        return p;
    }

    private int ScanId(int p) => ScanId(_s, p);

    private static int ScanId(BibWindow s, int p)
    {
        while (p < s.Length && IsIdChar(s[p])) p++;
        return p;
    }

    /// <summary>Key characters: up to ',', blanks or '=' (and '}' in brace-delimited entries), as bibtex reads keys; or a line starting a new entry.</summary>
    private int ScanKey(int p, char close)
    {
        while (p < _s.Length)
        {
            var c = _s[p];
            if (c is ',' or '=' || c <= ' ' || (c == '}' && close == '}') || (c == '@' && IsEntryStartAtLineStart(p))) break;
            p++;
        }
        return p;
    }

    /// <summary>bibtex identifiers: anything but blanks and "#%'(),={} (and '@', which starts an entry).</summary>
    private static bool IsIdChar(char c) =>
        c > ' ' && c is not ('"' or '#' or '%' or '\'' or '(' or ')' or ',' or '=' or '{' or '}' or '@');
}
