using System.Text;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>
/// The raw fields and abstracts of a huge .bib file's entries, read back from the file when asked (hover, export)
/// instead of kept with the text. An entry's text is scanned again with the file's macros, with the text of the
/// entries it inherits from (crossref, xdata), so it gets the fields a full parse gives it.
/// </summary>
internal sealed class BibDiskFields(string path, ByteOffsets offsets, IReadOnlyDictionary<string, string> macros)
{
    private const int MaxParents = 16;
    private Lazy<Dictionary<string, Entry>>? _byKey;
    /// <summary>The last entry read: a hover or an export asks for several fields of one entry in a row.</summary>
    private volatile LastRead? _last;

    private sealed record LastRead(Entry Entry, BibFields? Fields);

    public string Path { get; } = path;
    /// <summary>Set once the whole file is known when it is parsed a window at a time (<see cref="BibWindows"/>).</summary>
    public ByteOffsets Offsets { get; internal set; } = offsets;
    public IReadOnlyDictionary<string, string> Macros { get; } = macros;

    /// <summary>The file's entries, for the parents an entry inherits from (looked up only when one does).</summary>
    public void Attach(IReadOnlyList<Entry> entries) => _byKey = new(() => Catalog.KeysThenAliases(entries));

    /// <summary>The entry's fields as a full parse gives them; null when the file changed so that its text is elsewhere.</summary>
    public BibFields? Fields(Entry entry)
    {
        if (_last is { } last && ReferenceEquals(last.Entry, entry)) return last.Fields;
        var fields = Read(entry);
        _last = new LastRead(entry, fields);
        return fields;
    }

    private BibFields? Read(Entry entry)
    {
        List<Entry> read = [entry];
        for (var round = 0; ; round++)
        {
            // In file order, as a full parse resolves inheritance; the entry itself must be the whole of its slice
            // (a file changed since has other text there).
            read.Sort((a, b) => a.Location.Start.CompareTo(b.Location.Start));
            var text = new StringBuilder();
            var at = -1;
            foreach (var e in read)
            {
                if (ReferenceEquals(e, entry)) at = text.Length;
                if (Text(e) is not { } part) return null;
                text.Append(part).Append('\n');
            }
            var scanner = Scan(text.ToString());
            if (scanner.Entries.Find(e => e.Start == at) is not { } self || self.Key != entry.Key || self.End - self.Start != entry.Location.Length)
                return null;
            var parents = round < MaxParents ? Parents(scanner.Entries, read) : [];
            if (parents.Count > 0) { read.AddRange(parents); continue; }
            BibtexParser.AddAliases(scanner, Path);
            BibInheritance.Resolve(scanner.Linking, scanner.Find, Path, scanner.Diagnostics);
            self.Fields.TrimExcess();
            return self.Fields;
        }
    }

    private BibScanner Scan(string text)
    {
        var scanner = new BibScanner(Path, new BibText(text), new LineIndex(text), Macros);
        scanner.Run();
        return scanner;
    }

    /// <summary>The abstract converted for display, read from the file.</summary>
    public string? Abstract(Entry entry) => Fields(entry)?.DisplayAbstract();

    public string? Doi(Entry entry) => Fields(entry) is { } f ? BibEntryBuilder.Doi(f) : null;

    public string? Url(Entry entry) => Fields(entry) is { } f ? BibEntryBuilder.Url(f) : null;

    /// <summary>Entries the scanned entries inherit from (crossref, xdata), not read yet.</summary>
    private List<Entry> Parents(List<RawEntry> scanned, List<Entry> read)
    {
        List<Entry> parents = [];
        foreach (var e in scanned)
            foreach (var (key, _) in BibInheritance.Parents(e))
                if (_byKey?.Value.TryGetValue(key, out var parent) == true && !read.Concat(parents).Any(r => ReferenceEquals(r, parent)))
                    parents.Add(parent);
        return parents;
    }

    private string? Text(Entry e) => Offsets.Read(Path, e.Location.Start, e.Location.Length);
}
