namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// A big file scanned in parts at once: each later part's scan starts at a line that starts an entry, which no value,
/// key or recovery of the part before reads past, so it sees the same commands one scan sees; only what the parts before
/// leave behind (their macros, keys and reported names) is missing there, and is put right when the scans are joined,
/// one after another, into the first part's.
/// </summary>
internal sealed partial class BibScanner
{
    /// <summary>This scan's keys, once it adopts another's: most keys of the next are in no map, and found so at once.</summary>
    private KeyFilter? _keys;

    /// <summary>
    /// Takes over <paramref name="second"/>'s scan of the rest of the text, which started where this scan stopped (at
    /// an '@' that starts an entry line), so that this scanner ends as one scan of the whole text would, before
    /// <see cref="ResolveDeferred"/>. False, with nothing changed, in rare cases not put right here: this part gave a
    /// month macro another value, the second part's @strings use a macro this part defines or already reported, or it
    /// has both @strings and values that need this part's macros.
    /// </summary>
    public bool Adopt(BibScanner second)
    {
        for (var m = 0; m < 12; m++)
            if (!string.Equals(_macros[BibDates.MonthMacros[m]], BibDates.MonthNames[m], StringComparison.Ordinal)) return false;
        if (second._reportedMacros is { } names && names.Any(n => _macros.ContainsKey(n) || _reportedMacros?.Contains(n) == true)) return false;
        // Values the second part left for later because they use a macro it did not know: one scan knew it from here.
        var reread = second._deferred.Where(e => e.Deferred!.Any(u => _macroLookup.ContainsKey(second.MacroAt(u.MacroAt)))).ToList();
        if (reread.Count > 0 && second.LastStringAt >= 0) return false; // one scan read them with the second part's @strings too
        // All of them in a file whose @strings head it (cryptobib: every journal is a macro): on all cores.
        Cores.Parts(reread.Count, (from, to) =>
        {
            var scanner = from == 0 && second._source == _source ? this : new BibScanner(_path, second._source, _lines, _macros, names: _names);
            for (var i = from; i < to; i++) scanner.Reread(reread[i]);
        });

        // The second part's keys are unique there; those this scan has too are duplicates, where one scan reports
        // them. Looked up only when the filter of this scan's keys lets them through; the second part's map then answers
        // for the others.
        if (_keys is null)
        {
            _keys = new KeyFilter();
            foreach (var h in KeyHashes()) _keys.Add(h);
        }
        var taken = new RawEntry?[second.Entries.Count];
        var hashes = second.KeyHashes();
        for (var i = 0; i < taken.Length; i++)
            if (_keys.MayContain(hashes[i])) taken[i] = Find(second.Entries[i].Key);
        if (taken.Any(t => t is not null)) TakeEntries(second, taken);
        else TakeAll(second);
        _adopted.Add(second._byKey);
        foreach (var h in hashes) _keys.Add(h);

        // This part's month macros are the built-in ones, as the second part's were at its start.
        // Only those the second part defined: the others it started with (the months, a window's known macros) this
        // part may have given another value since.
        foreach (var name in second._defined)
        {
            var value = second._macros[name];
            if (_macros.TryGetValue(name, out var was) && was != value && _used.Contains(name)) RedefinedMacro = true;
            _macros[name] = value;
        }
        RedefinedMacro |= second.RedefinedMacro;
        _used.UnionWith(second._used);
        if (second.LastStringAt >= 0) LastStringAt = second.LastStringAt;
        _undefinedHits += second._undefinedHits;
        if (second._reportedMacros is { } reported) (_reportedMacros ??= new(StringComparer.OrdinalIgnoreCase)).UnionWith(reported);
        return true;
    }

    /// <summary>The second part's entries, diagnostics and journal, in file order, dropping the entries whose key
    /// <paramref name="taken"/> says this scan has (each then reported where one scan reports it).</summary>
    private void TakeEntries(BibScanner second, RawEntry?[] taken)
    {
        var diagnostics = 0;
        var k = 0;
        if (second.Journal is { } rows)
            for (var row = 0; row < rows.Count; row++)
            {
                for (; k < rows.EntriesAfter(row); k++) TakeEntry(second, taken, k, ref diagnostics);
                TakeDiagnostics(second, ref diagnostics, rows.DiagnosticsAfter(row));
                Journal!.Add(rows.End(row), rows.Recovering(row), Diagnostics.Count, Entries.Count);
            }
        // Without a journal (a lean scan), the same order: each entry comes after the diagnostics made before it was accepted.
        for (; k < taken.Length; k++) TakeEntry(second, taken, k, ref diagnostics);
        TakeDiagnostics(second, ref diagnostics, second.Diagnostics.Count);
    }

    private void TakeEntry(BibScanner second, RawEntry?[] taken, int k, ref int diagnostics)
    {
        var e = second.Entries[k];
        TakeDiagnostics(second, ref diagnostics, e.AcceptedAt);
        if (taken[k] is { } first) Diagnostics.Add(DuplicateKey(e.KeyStart, e.Key, first));
        else Add(e);
    }

    /// <summary>
    /// <see cref="TakeEntries"/> when no key is taken (nearly always): the lists appended whole, not entry by entry
    /// (each entry read again cost one core 0.1 s at 1M). A duplicate-key report there names an entry of that part
    /// (its key is not here), so the diagnostics stay as they are; the adopted entries keep the part's
    /// <see cref="RawEntry.AcceptedAt"/>, which nothing reads once that part is joined.
    /// </summary>
    private void TakeAll(BibScanner second)
    {
        var (entries, diagnostics) = (Entries.Count, Diagnostics.Count);
        Entries.AddRange(second.Entries);
        Diagnostics.AddRange(second.Diagnostics);
        if (second.Journal is { } rows)
            for (var row = 0; row < rows.Count; row++)
                Journal!.Add(rows.End(row), rows.Recovering(row), diagnostics + rows.DiagnosticsAfter(row), entries + rows.EntriesAfter(row));
        Linking.AddRange(second.Linking);
        foreach (var e in second._deferred)
            if (e.Deferred is not null) _deferred.Add(e); // not when a re-read above found every macro
    }

    private ReadOnlySpan<char> MacroAt(int at) => _s.AsSpan(at, ScanId(at) - at);

    /// <summary>The second part's diagnostics [from, to); a duplicate of a key first seen in this part names that entry.</summary>
    private void TakeDiagnostics(BibScanner second, ref int from, int to)
    {
        for (; from < to; from++)
        {
            var d = second.Diagnostics[from];
            if (d is { Code: "bib-duplicate-key", Related: { } related } && Find(second._s.Substring(d.Span.Start, d.Span.Length)) is { } first
                && first.KeyStart != related.Start)
                d = DuplicateKey(d.Span.Start, second._s.Substring(d.Span.Start, d.Span.Length), first);
            Diagnostics.Add(d);
        }
    }

    /// <summary><see cref="Find"/>, with the fields of an entry built as it was scanned read again (an entry inherits them).</summary>
    public RawEntry? FindWithFields(string key)
    {
        var e = Find(key);
        if (e is { Built: not null, Fields.Count: 0 }) Reread(e);
        return e;
    }

    private uint[]? _keyHashes;

    /// <summary>The <see cref="KeyFilter"/> hashes of this scan's keys: made on its own core once it is done, before it is
    /// joined to the scans before it (<see cref="BibWindows"/>).</summary>
    public uint[] KeyHashes()
    {
        if (_keyHashes?.Length != Entries.Count) _keyHashes = [.. Entries.Select(e => KeyFilter.Hash(e.Key))];
        return _keyHashes;
    }

    /// <summary>Where an entry's text is read from once the window that held it was re-used (<see cref="BibWindows"/>).</summary>
    public Func<RawEntry, BibText>? ReadBack { get; set; }

    /// <summary>Reads an entry's fields again with this scanner's macros (the same text: the same diagnostics, not repeated).</summary>
    private void Reread(RawEntry e)
    {
        var reader = ReadBack is null ? this : Over(ReadBack(e));
        var diagnostics = reader.Diagnostics.Count;
        var open = reader.SkipWs(reader.ScanId(reader.SkipWs(e.Start + 1)));
        var again = new RawEntry(reader._source, e.Type, e.Key, e.Start, e.KeyStart);
        var p = reader.SkipWs(e.KeyStart + e.Key.Length);
        reader.Fields(again, ref p, reader._s[open] == '{' ? '}' : ')');
        again.Fields.TrimExcess();
        reader.Diagnostics.RemoveRange(diagnostics, reader.Diagnostics.Count - diagnostics);
        e.TakeValues(again);
    }
}
