using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Search;

/// <summary>Builds the term dictionary in two passes: a forward list of (term, field) per entry, deduplicated
/// per entry keeping the heaviest field, then inverted into one flat postings array (no per-term lists).</summary>
internal sealed class SearchIndexBuilder
{
    private const int MaxTermLength = 64;
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<string> _terms = [];
    private readonly List<int> _lastEntry = [];
    private readonly List<int> _lastPos = [];
    private readonly TermAction _emit;
    private int[] _forward;
    private int _count;
    private int _entry;
    private PostingField _field;

    public SearchIndexBuilder(int entryCount)
    {
        _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        _forward = new int[Math.Max(1024, entryCount * 24)];
        _emit = Add;
    }

    public (TermDictionary Terms, KeyTable Keys) Build(IReadOnlyList<Entry> entries, bool indexAbstracts, CancellationToken ct)
    {
        var entryStart = new int[entries.Count + 1];
        var foldedKeys = new string[entries.Count];
        for (var e = 0; e < entries.Count; e++)
        {
            if ((e & 0xFFF) == 0) ct.ThrowIfCancellationRequested();
            entryStart[e] = _count;
            _entry = e;
            foldedKeys[e] = AddEntry(entries[e], indexAbstracts);
        }
        entryStart[entries.Count] = _count;

        var keyIds = new int[entries.Count];
        for (var i = 0; i < keyIds.Length; i++) keyIds[i] = i;
        var sortedKeys = (string[])foldedKeys.Clone();
        Array.Sort(sortedKeys, keyIds, StringComparer.Ordinal);
        return (Invert(entryStart), new KeyTable(sortedKeys, keyIds));
    }

    private string AddEntry(Entry entry, bool indexAbstracts)
    {
        var key = AddKey(entry.Key);
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
        if (indexAbstracts && entry.Abstract is { } abs) TermSplitter.Split(abs, parts: false, compounds: false, _emit);
        return key;
    }

    /// <summary>Indexes the key's parts ("nakkiran2019deep" → nakkiran, 2019, deep) and returns the whole folded key;
    /// a part equal to the whole key is left to the key table (one-off terms would bloat the dictionary).</summary>
    private string AddKey(string key)
    {
        var folded = TextFolding.Fold(key);
        Span<char> alnum = folded.Length <= 256 ? stackalloc char[folded.Length] : new char[folded.Length];
        var n = 0;
        foreach (var c in folded) if (TermSplitter.IsWordChar(c)) alnum[n++] = c;
        var whole = alnum[..n].ToString();

        _field = PostingField.KeyPart;
        var original = folded.Length == key.Length ? key.AsSpan() : default;
        var i = 0;
        while (i < folded.Length)
        {
            if (!TermSplitter.IsWordChar(folded[i])) { i++; continue; }
            var start = i;
            while (i < folded.Length && TermSplitter.IsWordChar(folded[i])) i++;
            var run = folded.AsSpan(start, i - start);
            var before = _count;
            TermSplitter.EmitParts(run, original.IsEmpty ? default : original[start..i], _emit);
            if (_count == before && run.Length != whole.Length) Add(run);
        }
        return whole;
    }

    private void Add(ReadOnlySpan<char> term)
    {
        if (term.Length == 0 || term.Length > MaxTermLength) return;
        if (_field == PostingField.Abstract && term.Length < 4) return; // short abstract words only add noise and postings
        if (!_lookup.TryGetValue(term, out var id))
        {
            id = _terms.Count;
            var s = term.ToString();
            _ids.Add(s, id);
            _terms.Add(s);
            _lastEntry.Add(-1);
            _lastPos.Add(0);
        }
        var code = id << 3 | (int)_field;
        if (_lastEntry[id] == _entry)
        {
            var pos = _lastPos[id];
            if ((_forward[pos] & 7) > (int)_field) _forward[pos] = code;
            return;
        }
        _lastEntry[id] = _entry;
        _lastPos[id] = _count;
        if (_count == _forward.Length) Array.Resize(ref _forward, _forward.Length * 2);
        _forward[_count++] = code;
    }

    private TermDictionary Invert(int[] entryStart)
    {
        var sorted = _terms.ToArray();
        var order = new int[sorted.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(sorted, order, StringComparer.Ordinal);
        var rank = new int[order.Length];
        for (var i = 0; i < order.Length; i++) rank[order[i]] = i;

        var postStart = new int[sorted.Length + 1];
        for (var i = 0; i < _count; i++) postStart[rank[_forward[i] >> 3] + 1]++;
        for (var t = 0; t < sorted.Length; t++) postStart[t + 1] += postStart[t];
        var cursor = (int[])postStart.Clone();
        var postings = new int[_count];
        for (var e = 0; e + 1 < entryStart.Length; e++)
            for (var i = entryStart[e]; i < entryStart[e + 1]; i++)
                postings[cursor[rank[_forward[i] >> 3]]++] = e << 3 | (_forward[i] & 7);
        return new TermDictionary(sorted, postStart, postings);
    }
}
