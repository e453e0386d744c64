using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// A huge library's last parse, for the next one (a rewrite by Zotero's auto-export changes a few entries): an entry
/// whose text is the same as before, read with the same macros, is the old one with its new place in the file, sharing
/// its title, people and venue instead of converting them again. At 1M entries a reload built a second library beside
/// the first (peak 1.85 GB over three rewrites, 1.57 GB with this). Whether the macros are the same is known only once
/// every window is read: the caller parses again without this when they are not (<see cref="Seed"/>).
/// </summary>
internal sealed class LeanReuse
{
    private readonly Dictionary<string, Entry> _byKey;
    private int _taken;

    private LeanReuse(Dictionary<string, Entry> byKey, ulong seed) => (_byKey, Seed) = (byKey, seed);

    /// <summary>The old parse's macros' hash: its entries' content hashes hold it.</summary>
    public ulong Seed { get; }

    /// <summary>How many entries were taken from the old parse.</summary>
    public int Taken => Volatile.Read(ref _taken);

    /// <summary>For a lean parse of the same file (its fields read from the file), else null.</summary>
    public static LeanReuse? From(CatalogFile? previous, string path)
    {
        if (previous is not { OnDisk: { } disk } || previous.Path != path) return null;
        var byKey = new Dictionary<string, Entry>(previous.Entries.Count, StringComparer.Ordinal);
        foreach (var e in previous.Entries) byKey.TryAdd(e.Key, e);
        return new LeanReuse(byKey, BibtexParser.MacroSeed(disk.Macros));
    }

    /// <summary>The old entry at <paramref name="raw"/>'s place in the new file, if its text is the same (an entry
    /// that inherits is never built as it is scanned, so never asked for); its content hash without the macros' part,
    /// as a freshly built one has until the parse is finished.</summary>
    public Entry? Take(RawEntry raw, string path, BibDiskFields disk)
    {
        if (!_byKey.TryGetValue(raw.Key, out var old)) return null;
        var text = BibEntryBuilder.TextHash(raw);
        if ((text ^ Seed) != old.ContentHash) return null;
        Interlocked.Increment(ref _taken);
        return old with
        {
            Location = new SourceSpan(path, raw.Start, raw.End - raw.Start),
            KeyLocation = new SourceSpan(path, raw.KeyStart, raw.Key.Length),
            OnDisk = disk,
            ContentHash = text,
        };
    }
}
