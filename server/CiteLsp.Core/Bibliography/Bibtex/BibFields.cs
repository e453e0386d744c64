using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// The fields of one bib entry, in file order. A value written as a single {…}, "…" or number token is kept as a
/// slice of the file text and only becomes a string when read: a 100k-entry file then holds one big string
/// instead of a million small ones, which keeps memory and GC time down. The text is read through its
/// <see cref="BibText"/> version, so an entry re-used by a re-parse of a later version reads that one.
/// </summary>
public sealed class BibFields : IReadOnlyDictionary<string, string>
{
    private struct Field
    {
        public string Name;
        public string? Value;
        /// <summary>The value's text between its delimiters (unused when Value is set).</summary>
        public int Start;
        public int Length;
    }

    private readonly BibText _source;
    /// <summary>Added to every slice offset: an entry re-pointed at a later version moved by this much.</summary>
    private readonly int _shift;
    private Field[] _fields;
    private int _count;
    /// <summary>One bit per first letter of the names here: most lookups (crossref, ids, xdata…) miss, and then at once.</summary>
    private uint _initials;

    /// <summary>Each thread's room to read an entry's fields into: <see cref="TrimExcess"/> copies them out and hands it
    /// back, so a million entries do not each allocate one for nothing (300 MB at 1M entries).</summary>
    [ThreadStatic] private static Field[]? t_room;

    internal BibFields(BibText source, int capacity = 8)
    {
        _source = source;
        if (t_room is { } room && room.Length >= capacity)
        {
            _fields = room;
            t_room = null;
        }
        else _fields = new Field[capacity];
    }

    private BibFields(BibText source, int shift, Field[] fields, int count, uint initials)
    {
        _source = source; _shift = shift; _fields = fields; _count = count; _initials = initials;
    }

    /// <summary>
    /// The same fields over a new version of the file text, where this entry's text is <paramref name="shift"/> from
    /// where it is in the newest version its own source hands over to (the field array is shared: it is never changed
    /// once the entry is built).
    /// </summary>
    internal BibFields Rebased(BibText source, int shift)
    {
        for (var i = 0; i < _count; i++)
        {
            if (_fields[i].Value is not null) continue;
            // The entry lies outside every change since its version: all its slices moved alike.
            var start = _fields[i].Start + _shift;
            var at = start;
            _source.TryResolve(ref at, _fields[i].Length, out _);
            return new(source, _shift + at - start + shift, _fields, _count, _initials);
        }
        return new(source, _shift + shift, _fields, _count, _initials);
    }

    public int Count => _count;

    public string this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);

    public bool ContainsKey(string key) => IndexOf(key) >= 0;

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        var i = IndexOf(key);
        value = i < 0 ? null : ValueAt(i);
        return i >= 0;
    }

    /// <summary>The value without allocating when it is a slice of the file text.</summary>
    internal bool TryGetSpan(string key, out ReadOnlySpan<char> value)
    {
        var i = IndexOf(key);
        if (i < 0) { value = default; return false; }
        var f = _fields[i];
        value = f.Value is { } v ? v.AsSpan() : Slice(f);
        return true;
    }

    public IEnumerable<string> Keys { get { for (var i = 0; i < _count; i++) yield return _fields[i].Name; } }
    public IEnumerable<string> Values { get { for (var i = 0; i < _count; i++) yield return ValueAt(i); } }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        for (var i = 0; i < _count; i++) yield return new(_fields[i].Name, ValueAt(i));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The abstract converted for display (not kept: read when shown or indexed).</summary>
    internal string? DisplayAbstract() =>
        TryGetSpan("abstract", out var raw) && !raw.IsWhiteSpace() ? TexText.ToDisplay(raw) : null;

    /// <summary>Drops the room left for more fields once the entry is read (a million entries kept it for nothing).</summary>
    internal void TrimExcess()
    {
        if (_count == _fields.Length) return;
        var room = _fields;
        _fields = room[.._count];
        Array.Clear(room, 0, _count);
        if (room.Length > (t_room?.Length ?? 0)) t_room = room; // the biggest seen: a small one would never serve again
    }

    /// <summary>The same fields read from <paramref name="source"/>, a copy of the text they were read from.</summary>
    internal BibFields Over(BibText source) => new(source, _shift, _fields, _count, _initials);

    /// <summary>No fields: what an entry built as soon as it was scanned keeps (see <see cref="BibScanner"/>).</summary>
    internal static readonly BibFields None = new(null!, 0, [], 0, 0);

    /// <summary>The fields read so far, in an array of their size, and this one emptied to read the next entry into (a
    /// scanner that builds entries as it scans reads them all into one: a lean library's entries keep none, and at 1M
    /// entries a copy and an object each came to 270 MB).</summary>
    internal BibFields TakeAll()
    {
        var taken = new BibFields(_source, _shift, _fields[.._count], _count, _initials);
        Clear();
        return taken;
    }

    internal void Clear()
    {
        Array.Clear(_fields, 0, _count);
        (_count, _initials) = (0, 0);
    }

    /// <summary>Adds a value that is the text slice [start, start+length); false when the name is already there.</summary>
    internal bool TryAddSlice(string name, int start, int length) =>
        TryAdd(new Field { Name = name, Start = start, Length = length });

    internal bool TryAdd(string name, string value) => TryAdd(new Field { Name = name, Value = value, Start = -1 });

    /// <summary>Replaces (or adds) a value, e.g. after a late @string definition.</summary>
    internal void Set(string name, string value)
    {
        var i = IndexOf(name);
        if (i < 0) TryAdd(name, value);
        else _fields[i] = _fields[i] with { Value = value };
    }

    /// <summary>Takes the fields this map lacks from <paramref name="parent"/> (same file text), except the skipped names.</summary>
    internal void InheritFrom(BibFields parent, IReadOnlySet<string> skip)
    {
        for (var i = 0; i < parent._count; i++)
        {
            var f = parent._fields[i];
            // Inherited fields have no position in this entry.
            if (!skip.Contains(f.Name) && IndexOf(f.Name) < 0)
                TryAdd(f with { Value = parent.ValueAt(i), Start = -1 });
        }
    }

    private bool TryAdd(Field field)
    {
        if (IndexOf(field.Name) >= 0) return false;
        if (_count == _fields.Length) Array.Resize(ref _fields, Math.Max(4, _count * 2));
        _fields[_count++] = field;
        _initials |= Initial(field.Name);
        return true;
    }

    private string ValueAt(int i) => _fields[i].Value ?? Slice(_fields[i]).ToString();

    private ReadOnlySpan<char> Slice(Field f)
    {
        var start = f.Start + _shift;
        return _source.TryResolve(ref start, f.Length, out var text) ? text.AsSpan(start - _source.Base, f.Length) : [];
    }

    private int IndexOf(string name)
    {
        if ((_initials & Initial(name)) == 0) return -1;
        for (var i = 0; i < _count; i++)
        {
            var n = _fields[i].Name;
            if (ReferenceEquals(n, name) || n.Length == name.Length && string.Equals(n, name, StringComparison.Ordinal)) return i;
        }
        return -1;
    }

    private static uint Initial(string name) => name.Length == 0 ? 1u : 1u << (name[0] & 31);
}
