using System.Collections.Concurrent;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// Interns lower-cased identifiers (types, field names) so each distinct name is allocated once per file, also when
/// the parts of a big file are scanned at once (they share one table).
/// </summary>
internal sealed class NameTable
{
    private readonly ConcurrentDictionary<string, string> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NameTable() => _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();

    public string Lower(ReadOnlySpan<char> name)
    {
        if (_lookup.TryGetValue(name, out var interned)) return interned;
        var lower = name.ToString().ToLowerInvariant();
        return _names.GetOrAdd(lower, lower); // the other thread may have added it meanwhile: one instance wins
    }
}
