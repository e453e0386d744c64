using System.Text;
using CiteLsp.Core.Search;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>Every distinct string of a cache payload once (author names, venues and types repeat a lot; a key is added
/// as it is, <see cref="Unique"/>), as UTF-8 offsets plus one blob; entries refer to strings by index. Read back with
/// one allocation per distinct string, so equal names are shared by all entries, as interning did.</summary>
/// <param name="capacity">The strings expected (one key per entry, at least): the list is not grown by doubling.</param>
internal sealed class StringTable(int capacity = 0)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly List<string> _strings = new(capacity);

    public int Id(string s)
    {
        if (_ids.TryGetValue(s, out var id)) return id;
        _ids[s] = _strings.Count;
        _strings.Add(s);
        return _strings.Count - 1;
    }

    /// <summary>A string that occurs once (a citation key: equal keys are a duplicate-key error), added without the
    /// lookup that would share it: a million keys made the table's map 65 MB.</summary>
    public int Unique(string s)
    {
        _strings.Add(s);
        return _strings.Count - 1;
    }

    /// <summary>-1 for null.</summary>
    public int OptionalId(string? s) => s is null ? -1 : Id(s);

    /// <summary>Offsets, then the UTF-8 bytes, encoded string by string into one small buffer (not a blob in memory).</summary>
    public void Write(BinaryWriter w)
    {
        var offsets = new int[_strings.Count + 1];
        for (var i = 0; i < _strings.Count; i++) offsets[i + 1] = checked(offsets[i] + Encoding.UTF8.GetByteCount(_strings[i]));
        w.Write(offsets.Length);
        w.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(offsets.AsSpan()));
        w.Write(offsets[^1]);
        var buffer = new byte[4096];
        foreach (var s in _strings)
        {
            var most = Encoding.UTF8.GetMaxByteCount(s.Length);
            if (most > buffer.Length) buffer = new byte[Math.Max(most, 2 * buffer.Length)];
            w.Write(buffer, 0, Encoding.UTF8.GetBytes(s, buffer));
        }
    }

    /// <summary>The strings, decoded on all cores; offsets that do not ascend within the blob are damage.</summary>
    public static string[] Read(BlockReader r)
    {
        var offsets = r.Array<int>();
        var blob = r.Array<byte>();
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != blob.Length) throw new InvalidDataException("bad string table");
        for (var i = 1; i < offsets.Length; i++)
            if (offsets[i] < offsets[i - 1]) throw new InvalidDataException("bad string table");
        var strings = new string[offsets.Length - 1];
        Cores.Parts(strings.Length, (from, to) =>
        {
            var bytes = blob.AsSpan();
            for (var i = from; i < to; i++) strings[i] = Encoding.UTF8.GetString(bytes[offsets[i]..offsets[i + 1]]);
        });
        return strings;
    }

    /// <summary>The string at a stored index; an index out of range is damage.</summary>
    public static string At(string[] strings, int id) =>
        (uint)id < (uint)strings.Length ? strings[id] : throw new InvalidDataException("bad string index");

    /// <summary>Null for -1.</summary>
    public static string? OptionalAt(string[] strings, int id) => id == -1 ? null : At(strings, id);
}
