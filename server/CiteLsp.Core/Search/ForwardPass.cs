using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Search;

/// <summary>First build pass over a range of entries: assigns local term ids and records each entry's
/// (term, field) codes, deduplicated per entry keeping the heaviest field. Ranges run in parallel.</summary>
internal sealed class ForwardPass
{
    private const int MaxTermLength = 64;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly TermAction _emit;
    /// <summary>Per local term: the last entry that used it and where its code sits (one cache line, not two).</summary>
    private (int Entry, int Pos)[] _last = new (int, int)[1024];
    private int _entry;
    private PostingField _field;

    /// <summary>Codes live in chunks below the large-object threshold: no big array copies, no LOH-triggered full GCs.</summary>
    public const int ChunkBits = 14;
    public const int ChunkMask = (1 << ChunkBits) - 1;

    public List<string> Terms { get; } = [];
    /// <summary>Codes (local term id &lt;&lt; 3 | field) of entry First+i at [EntryStart[i], EntryStart[i+1]), chunked.</summary>
    public List<int[]> Codes { get; } = [];
    public int[] EntryStart { get; }
    public int First { get; }
    public int Count { get; private set; }

    public ForwardPass(IReadOnlyList<Entry> entries, int first, int end, bool indexAbstracts, CancellationToken ct)
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _emit = Add;
        First = first;
        EntryStart = new int[end - first + 1];
        for (var e = first; e < end; e++)
        {
            if ((e & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            EntryStart[e - first] = Count;
            _entry = e;
            AddEntry(entries[e], indexAbstracts);
        }
        EntryStart[end - first] = Count;
    }

    private void AddEntry(Entry entry, bool indexAbstracts)
    {
        AddKey(entry.Key);
        for (var i = 0; i < entry.Authors.Count; i++)
        {
            var p = entry.Authors[i];
            _field = i == 0 ? PostingField.FirstAuthor : PostingField.Author;
            TermSplitter.Split(p.Literal ?? p.Family, parts: false, compounds: true, _emit);
            if (p.Literal is not null) continue;
            _field = PostingField.Given;
            TermSplitter.Split(p.Given, parts: false, compounds: true, _emit);
        }
        _field = PostingField.Title;
        TermSplitter.Split(entry.Title, parts: true, compounds: true, _emit);
        if (entry.Year is { } year)
        {
            _field = PostingField.Year;
            Span<char> digits = stackalloc char[11];
            if (year.TryFormat(digits, out var n)) Add(digits[..n]);
        }
        _field = PostingField.Venue;
        if (entry.Venue is { } venue) TermSplitter.Split(venue, parts: false, compounds: true, _emit);
        _field = PostingField.Abstract;
        if (indexAbstracts && entry.AbstractInMemory is { } abs) TermSplitter.Split(abs, parts: false, compounds: false, _emit);
    }

    /// <summary>The key's parts ("nakkiran2019deep" → nakkiran, 2019, deep). A part equal to the whole key is left
    /// to the key table: one-off terms would bloat the dictionary that typo scans walk.</summary>
    private void AddKey(string key)
    {
        var folded = TextFolding.Fold(key);
        var alnum = 0;
        foreach (var c in folded) if (TermSplitter.IsWordChar(c)) alnum++;

        _field = PostingField.KeyPart;
        var original = folded.Length == key.Length ? key.AsSpan() : default;
        var i = 0;
        while (i < folded.Length)
        {
            if (!TermSplitter.IsWordChar(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && TermSplitter.IsWordChar(folded[i])) i++;
            var run = folded.AsSpan(start, i - start);
            var before = Count;
            TermSplitter.EmitParts(run, original.IsEmpty ? default : original[start..i], _emit);
            if (Count == before && run.Length != alnum) Add(run);
        }
    }

    private void Add(ReadOnlySpan<char> term)
    {
        if (term.Length == 0 || term.Length > MaxTermLength) return;
        if (_field == PostingField.Abstract && term.Length < 4) return; // short abstract words only add noise and postings
        if (!_lookup.TryGetValue(term, out var id))
        {
            id = Terms.Count;
            var s = term.ToString();
            _ids.Add(s, id);
            Terms.Add(s);
            if (id == _last.Length) Array.Resize(ref _last, id * 2);
            _last[id] = (-1, 0);
        }
        var code = id << 3 | (int)_field;
        ref var last = ref _last[id];
        if (last.Entry == _entry)
        {
            var pos = last.Pos;
            ref var existing = ref Codes[pos >> ChunkBits][pos & ChunkMask];
            if ((existing & 7) > (int)_field) existing = code;
            return;
        }
        last = (_entry, Count);
        if ((Count & ChunkMask) == 0) Codes.Add(new int[1 << ChunkBits]);
        Codes[Count >> ChunkBits][Count & ChunkMask] = code;
        Count++;
    }

    public int CodeAt(int i) => Codes[i >> ChunkBits][i & ChunkMask];
}
