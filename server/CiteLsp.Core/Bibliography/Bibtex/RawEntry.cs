namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>An entry as scanned, before inheritance and display conversion. Offsets are into the file text.</summary>
/// <param name="fields">What to read the fields into (by default a new set).</param>
internal sealed class RawEntry(BibText source, string type, string key, int start, int keyStart, BibFields? fields = null)
{
    /// <summary>The text this entry's offsets are read from (its own copy once its window was re-used: <see cref="BibWindows"/>).</summary>
    public BibText Source { get; private set; } = source;
    public string Type { get; } = type;
    public string Key { get; } = key;
    public int Start { get; } = start;
    public int End { get; set; }
    public int KeyStart { get; } = keyStart;
    /// <summary>Lower-case field name → raw value (macros expanded, '#' resolved, TeX kept), in file order.</summary>
    public BibFields Fields { get; set; } = fields ?? new(source, 12);
    /// <summary>1–12 when "month" was a bare jan…dec macro (whatever the macro expands to), else 0.</summary>
    public int MonthFromMacro { get; set; }
    /// <summary>Fields whose value used a macro not yet defined: re-read once every @string is known.</summary>
    public List<(string Field, int ValueStart, int MacroAt)>? Deferred { get; set; }
    /// <summary>0 unvisited, 1 resolving, 2 resolved (crossref/xdata inheritance).</summary>
    public int InheritState { get; set; }
    /// <summary>How many diagnostics the scan had made when it accepted this entry (where a duplicate key report goes
    /// when that scan, of a later part, is joined to the ones before).</summary>
    public int AcceptedAt { get; set; }
    /// <summary>The entry, when it was built as soon as it was scanned (a lean library's: <see cref="BibScanner"/>); its
    /// fields were then let go, and are read again only if another entry inherits from it.</summary>
    public Entry? Built { get; set; }

    /// <summary>Keeps a copy of this entry's text, for a window about to be re-used (its fields read it).</summary>
    public void Detach()
    {
        Source = new BibText(Source.Slice(Start, End - Start).ToString(), Start);
        Fields = Fields.Over(Source);
    }

    /// <summary>The values of the same entry read again with other macros (the same text gives the same fields, in the same order).</summary>
    public void TakeValues(RawEntry again)
    {
        Source = again.Source;
        Fields = again.Fields;
        MonthFromMacro = again.MonthFromMacro;
        Deferred = again.Deferred;
    }
}
