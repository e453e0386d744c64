using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography;

/// <summary>One bibliography entry, whatever format it came from.</summary>
public sealed record Entry
{
    public required string Key { get; init; }
    /// <summary>BibTeX-style type in lower case: article, inproceedings, misc, …</summary>
    public string Type { get; init; } = "misc";
    public string Title { get; init; } = "";
    public IReadOnlyList<Person> Authors { get; init; } = [];
    /// <summary>True when the source listed only the first authors ("… et al.").</summary>
    public bool AuthorsTruncated { get; init; }
    public PartialDate Date { get; init; }
    public int? Year => Date.Year;
    /// <summary>Journal, booktitle, publisher or (for seed listings) the arXiv category.</summary>
    public string? Venue { get; init; }
    /// <remarks>A .bib entry's abstract is converted for display from its raw field when asked (hover, the search
    /// index), not kept: a few hundred megabytes of a million-entry library are abstracts nobody reads.</remarks>
    public string? Abstract { get => _rare?.Abstract ?? (_fields as Bibtex.BibFields)?.DisplayAbstract() ?? _onDisk?.Abstract(this); init { if (Holds(value is null)) _rare = Kept(Current with { Abstract = value }); } }

    /// <summary>For an entry of a library too big to keep its text: raw fields and abstract are read from the file when asked.</summary>
    internal Bibtex.BibDiskFields? OnDisk { get => _onDisk; init => _onDisk = value; }

    private Bibtex.BibDiskFields? _onDisk;

    /// <summary>The abstract when it costs no file read: what the search index takes.</summary>
    internal string? AbstractInMemory => _onDisk is null ? Abstract : _rare?.Abstract;
    /// <remarks>A lean entry (<see cref="OnDisk"/>) reads its DOI and URL from the file too: a million-entry library
    /// kept 56 MB of them for the few entries ever hovered or exported.</remarks>
    public string? Doi { get => _rare?.Doi ?? _onDisk?.Doi(this); init { if (Holds(value is null)) _rare = Kept(Current with { Doi = value }); } }
    public string? Url { get => _rare?.Url ?? _onDisk?.Url(this); init { if (Holds(value is null)) _rare = Kept(Current with { Url = value }); } }

    /// <summary>The DOI and URL when they cost no file read: what the cache stores.</summary>
    internal string? DoiInMemory => _rare?.Doi;
    internal string? UrlInMemory => _rare?.Url;
    public string? ArxivId { get => _rare?.ArxivId; init { if (Holds(value is null)) _rare = Kept(Current with { ArxivId = value }); } }
    /// <summary>Other keys that cite this entry (biblatex "ids").</summary>
    public IReadOnlyList<string> Aliases { get => _rare?.Aliases ?? []; init { if (Holds(value.Count == 0)) _rare = Kept(Current with { Aliases = value }); } }

    /// <summary>What few entries have, in one object (a lean entry keeps no abstract, DOI or URL): a million entries
    /// carried four empty references more each (32 MB).</summary>
    private sealed record Rare(string? Abstract, string? Doi, string? Url, string? ArxivId, IReadOnlyList<string> Aliases)
    {
        public static readonly Rare None = new(null, null, null, null, []);
    }

    private Rare? _rare;

    /// <summary>The rare values to set one on (a copy: an entry made by <c>with</c> shares the original's).</summary>
    private Rare Current => _rare ?? Rare.None;

    /// <summary>Whether setting a value needs <see cref="_rare"/>: not for an empty one while it has none.</summary>
    private bool Holds(bool empty) => !empty || _rare is not null;

    /// <summary>Null for nothing rare, so that equal entries stay equal however their values were set.</summary>
    private static Rare? Kept(Rare rare) => rare == Rare.None ? null : rare;

    /// <summary>Every field as written in the source (lower-case names, raw values).</summary>
    public IReadOnlyDictionary<string, string> Fields { get => _fields ?? _onDisk?.Fields(this) ?? EmptyFields; init => _fields = value; }

    private IReadOnlyDictionary<string, string>? _fields;

    /// <summary>Sets <see cref="Fields"/>, or leaves them to <see cref="OnDisk"/> (null).</summary>
    internal IReadOnlyDictionary<string, string>? FieldsInMemory { init => _fields = value; }
    /// <summary>Hash of the entry's source text; equal hashes and keys mean equal content. 0 when unknown.</summary>
    /// <remarks>Set once more only by the parse that built the entry (an entry built while the file was scanned gets
    /// the file's macros' part once every macro is known).</remarks>
    public ulong ContentHash { get; internal set; }
    /// <summary>The whole entry in its source file.</summary>
    public SourceSpan Location { get => Map(_location); init { Settle(); _location = value; } }
    /// <summary>The key's own span (for bib files); equals <see cref="Location"/> when the key was generated.</summary>
    public SourceSpan KeyLocation { get => Map(_keyLocation); init { Settle(); _keyLocation = value; } }

    /// <summary>
    /// For a .bib entry: the version of the file text its spans are offsets in (set after them). A re-parse of a
    /// later version re-uses the entry as it is, and the spans are mapped to the newest text when read.
    /// </summary>
    internal Bibtex.BibText? Origin { get => _origin; init => _origin = value; }

    private SourceSpan _location, _keyLocation;
    private Bibtex.BibText? _origin;

    private SourceSpan Map(SourceSpan span) => _origin is { } o ? span with { Start = o.Map(span.Start, span.Length) } : span;

    /// <summary>A span set on a copy is an offset in the newest text: the other span goes there too.</summary>
    private void Settle()
    {
        if (_origin is null) return;
        (_location, _keyLocation, _origin) = (Map(_location), Map(_keyLocation), null);
    }

    private static readonly IReadOnlyDictionary<string, string> EmptyFields = new Dictionary<string, string>();
}
