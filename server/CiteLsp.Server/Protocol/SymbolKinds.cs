using CiteLsp.Core.Bibliography;

namespace CiteLsp.Server.Protocol;

/// <summary>An icon per kind of entry, as texlab does: books and collections differ from articles and papers.</summary>
internal static class SymbolKinds
{
    public static int Of(Entry e) => e.Type switch
    {
        "book" or "mvbook" or "collection" or "proceedings" or "inbook" or "incollection" => SymbolKind.Module,
        "article" or "inproceedings" or "conference" => SymbolKind.Struct,
        "phdthesis" or "mastersthesis" or "thesis" or "techreport" or "report" => SymbolKind.Class,
        _ => SymbolKind.Object,
    };
}
