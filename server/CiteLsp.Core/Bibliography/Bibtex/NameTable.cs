namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>Interns lower-cased identifiers (types, field names) so each distinct name is allocated once per file.</summary>
internal sealed class NameTable
{
    private readonly Dictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Lower(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out var interned)) return interned;
        var lower = name.ToString().ToLowerInvariant();
        _names[lower] = lower;
        return lower;
    }
}
