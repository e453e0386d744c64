using System.Text;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Search;

/// <summary>First build pass over a range of entries: assigns local term ids and records each entry's
/// (term, field) codes, deduplicated per entry keeping the heaviest field. Ranges run in parallel.</summary>
internal sealed class ForwardPass
{
    private const int MaxTermLength = 64;
    private readonly TermTable _ids = new();
    private readonly TermAction _emit;
    /// <summary>Per local term: the last entry that used it, where its code sits, and how many entries used it (the
    /// inversion's counts, so that it reads the codes once, not twice); one cache line, not three.</summary>
    private (int Entry, int Pos, int Uses)[] _last = new (int, int, int)[1024];
    private int _entry;
    private char[] _scratch = new char[256];
    private PostingField _field;
    /// <summary>The term ids a person or venue shared by many entries (one object, as a lean library keeps them) gave, in
    /// order, from Start in <see cref="_memoIds"/>: Family ids of the family (or literal) name, then Given ids of the given
    /// name (a venue has only the first). It is tokenized once per pass, then replayed.</summary>
    private readonly Dictionary<object, (int Start, int Family, int Given)> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly List<int> _memoIds = [];
    private bool _recording;
    /// <summary>Memo hits and misses; when nearly all of the first ones miss (a library parsed whole shares no object),
    /// the memo is dropped, as it would only cost.</summary>
    private int _hits, _misses;
    private bool _memoOff;
    private const int MemoTrial = 4096;
    /// <summary>Term id of each year seen (index year - <see cref="MinYear"/>; 0: not yet, else id + 1).</summary>
    private readonly int[] _yearIds = new int[MaxYear - MinYear + 1];
    private const int MinYear = 0, MaxYear = 4095;

    public List<string> Terms { get; } = [];
    /// <summary>
    /// The codes (local term id, field) of entry First+i in bytes [EntryStart[i], EntryStart[i+1]), in chunks below the
    /// large-object threshold (no big array copies, no LOH-triggered full GCs). Each code is a variable-length number
    /// (<see cref="CodeReader"/>): ids come in order of first use, so the common terms have small ones and a code takes
    /// 2.3 bytes on average, not four (1M entries: 96 MB of ints were the build's biggest garbage).
    /// </summary>
    private readonly List<byte[]> _chunks = [];
    private byte[] _chunk = [];
    public int[] EntryStart { get; }
    public int First { get; }
    /// <summary>Bytes of codes written.</summary>
    public int Length { get; private set; }

    /// <param name="alnumKeys">When given, receives each entry's <see cref="SearchIndexBuilder.AlnumKey"/> (for the key table: folded once).</param>
    public ForwardPass(IReadOnlyList<Entry> entries, int first, int end, bool indexAbstracts, string[]? alnumKeys, CancellationToken ct)
    {
        _emit = Add;
        First = first;
        EntryStart = new int[end - first + 1];
        for (var e = first; e < end; e++)
        {
            if ((e & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            EntryStart[e - first] = Length;
            _entry = e;
            var entry = entries[e];
            var alnum = AddKey(entry.Key);
            if (alnumKeys is not null) alnumKeys[e] = alnum;
            AddEntry(entry, indexAbstracts);
        }
        EntryStart[end - first] = Length;
    }

    private void AddEntry(Entry entry, bool indexAbstracts)
    {
        var authors = entry.Authors;
        for (var i = 0; i < authors.Count; i++)
        {
            var p = authors[i];
            var field = i == 0 ? PostingField.FirstAuthor : PostingField.Author;
            if (Memoized(p) is { } m)
            {
                Replay(m.Start, m.Family, field);
                Replay(m.Start + m.Family, m.Given, PostingField.Given);
                continue;
            }
            var start = _memoIds.Count;
            _field = field;
            TermSplitter.Split(p.Literal ?? p.Family, parts: false, compounds: true, _emit);
            var family = _memoIds.Count - start;
            _field = PostingField.Given;
            if (p.Literal is null) TermSplitter.Split(p.Given, parts: false, compounds: true, _emit);
            Remember(p, start, family);
        }
        _field = PostingField.Title;
        TermSplitter.Split(entry.Title, parts: true, compounds: true, _emit);
        if (entry.Year is { } year) AddYear(year);
        _field = PostingField.Venue;
        if (entry.Venue is { } venue)
        {
            if (Memoized(venue) is { } m) Replay(m.Start, m.Family, PostingField.Venue);
            else
            {
                var start = _memoIds.Count;
                TermSplitter.Split(venue, parts: false, compounds: true, _emit);
                Remember(venue, start, _memoIds.Count - start);
            }
        }
        _field = PostingField.Abstract;
        if (indexAbstracts && entry.AbstractInMemory is { } abs) TermSplitter.Split(abs, parts: false, compounds: false, _emit);
    }

    /// <summary>The key's parts ("nakkiran2019deep" → nakkiran, 2019, deep). A part equal to the whole key is left
    /// to the key table: one-off terms would bloat the dictionary that typo scans walk.</summary>
    /// <returns>The key folded to its letters and digits (<see cref="SearchIndexBuilder.AlnumKey"/>).</returns>
    private string AddKey(string key)
    {
        // ASCII keys (nearly all) are lower-cased into a scratch buffer: one string per key, the alphanumeric one.
        var ascii = Ascii.IsValid(key);
        var whole = ascii ? null : TextFolding.Fold(key); // may be longer than the key ("ß" → "ss")
        var length = whole?.Length ?? key.Length;
        if (_scratch.Length < 2 * length) _scratch = new char[Math.Max(2 * length, 2 * _scratch.Length)];
        ReadOnlySpan<char> folded = whole;
        if (ascii)
        {
            var lower = _scratch.AsSpan(0, key.Length);
            Ascii.ToLower(key, lower, out _);
            folded = lower;
        }
        var alnumBuffer = _scratch.AsSpan(folded.Length);
        var alnum = 0;
        foreach (var c in folded) if (TermSplitter.IsWordChar(c)) alnumBuffer[alnum++] = c;

        _field = PostingField.KeyPart;
        var original = folded.Length == key.Length ? key.AsSpan() : default;
        var i = 0;
        while (i < folded.Length)
        {
            if (!TermSplitter.IsWordChar(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && TermSplitter.IsWordChar(folded[i])) i++;
            var run = folded.Slice(start, i - start);
            var before = Length;
            TermSplitter.EmitParts(run, original.IsEmpty ? default : original[start..i], _emit);
            if (Length == before && run.Length != alnum) Add(run);
        }
        return alnum == key.Length && key.AsSpan().SequenceEqual(alnumBuffer[..alnum]) ? key
            : alnum == folded.Length && whole is not null ? whole
            : new string(alnumBuffer[..alnum]);
    }

    private void AddYear(int year)
    {
        _field = PostingField.Year;
        if (year is >= MinYear and <= MaxYear && _yearIds[year - MinYear] is var known and > 0) { AddId(known - 1); return; }
        Span<char> digits = stackalloc char[11];
        if (!year.TryFormat(digits, out var n)) return;
        var id = AddTerm(digits[..n]);
        if (year is >= MinYear and <= MaxYear) _yearIds[year - MinYear] = id + 1;
    }

    /// <summary>The memo of a person or venue; null when it is new (what Add meets until <see cref="Remember"/> is then recorded).</summary>
    private (int Start, int Family, int Given)? Memoized(object shared)
    {
        if (_memoOff) return null;
        if (_memo.TryGetValue(shared, out var m)) { _hits++; return m; }
        if (++_misses == MemoTrial && _hits < MemoTrial / 16)
        {
            _memoOff = true;
            _memo.Clear(); _memo.TrimExcess();
            _memoIds.Clear(); _memoIds.TrimExcess();
            return null;
        }
        _recording = true;
        return null;
    }

    /// <summary>Ends the recording <see cref="Memoized"/> started: the ids from <paramref name="start"/> on, the first <paramref name="family"/> of them the family name's.</summary>
    private void Remember(object shared, int start, int family)
    {
        if (!_recording) return;
        _recording = false;
        _memo.Add(shared, (start, family, _memoIds.Count - start - family));
    }

    private void Replay(int start, int length, PostingField field)
    {
        _field = field;
        for (var i = start; i < start + length; i++) AddId(_memoIds[i]);
    }

    private void Add(ReadOnlySpan<char> term) => AddTerm(term);

    /// <returns>The term's id; -1 when it is not indexed.</returns>
    private int AddTerm(ReadOnlySpan<char> term)
    {
        if (term.Length == 0 || term.Length > MaxTermLength) return -1;
        if (_field == PostingField.Abstract && term.Length < 4) return -1; // short abstract words only add noise and postings
        var id = _ids.GetOrAdd(term, out var added);
        if (added)
        {
            Terms.Add(term.ToString());
            if (id == _last.Length) Array.Resize(ref _last, id * 2);
            _last[id] = (-1, 0, 0);
        }
        if (_recording) _memoIds.Add(id);
        AddId(id);
        return id;
    }

    private void AddId(int id)
    {
        var field = (int)_field;
        ref var last = ref _last[id];
        if (last.Entry == _entry)
        {
            // The field is in the first byte's low bits: the heaviest one is kept in place.
            ref var first = ref _chunks[last.Pos >> CodeReader.ChunkBits][last.Pos & CodeReader.ChunkMask];
            if ((first & 7) > field) first = (byte)(first & ~7 | field);
            return;
        }
        var at = Length & CodeReader.ChunkMask;
        if (at == 0 || at > CodeReader.LastCodeStart)
        {
            // No code is cut between two chunks: the tail of one too short for any code is left out.
            if (at != 0) Length = (Length | CodeReader.ChunkMask) + 1;
            _chunks.Add(_chunk = new byte[CodeReader.ChunkMask + 1]);
            at = 0;
        }
        last = (_entry, Length, last.Uses + 1); // where the code starts, past a skipped tail
        var chunk = _chunk;
        if (id <= 15) chunk[at++] = (byte)(id << 3 | field);
        else
        {
            chunk[at++] = (byte)((id & 15) << 3 | field | 0x80);
            for (id >>= 4; id > 0x7F; id >>= 7) chunk[at++] = (byte)(id | 0x80);
            chunk[at++] = (byte)id;
        }
        Length = (Length & ~CodeReader.ChunkMask) + at;
    }

    /// <summary>People and venues whose terms came from the memo (for tests).</summary>
    internal int MemoHits => _hits;

    /// <summary>How many of the pass's entries have the local term.</summary>
    public int Uses(int id) => _last[id].Uses;

    /// <summary>The pass's codes in order (entry First+i's up to <see cref="EntryStart"/>[i+1]).</summary>
    public CodeReader Codes() => new(_chunks, Length);
}
