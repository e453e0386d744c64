using System.Buffers;

namespace CiteLsp.Core.Citations;

/// <summary>The control sequences the LaTeX scanner reacts to, looked up by name without allocating.</summary>
internal static class LatexCommandTable
{
    public enum Kind { Cite, Begin, Verb, InlineCode, NewCommand, Def, DocumentCommand, BibItem, Reference }

    public sealed record Command(Kind Kind, CiteCommand? Cite = null, LatexReferenceKind Reference = default);

    public static readonly SearchValues<char> Special = SearchValues.Create("\\%");

    public static readonly HashSet<string> VerbatimEnvironments = new(StringComparer.Ordinal)
    {
        "verbatim", "verbatim*", "Verbatim", "Verbatim*", "BVerbatim", "LVerbatim", "lstlisting", "minted", "comment",
    };

    public static readonly Dictionary<string, Command> BuiltIn = BuildCommands();

    private static Dictionary<string, Command> BuildCommands()
    {
        var map = new Dictionary<string, Command>(StringComparer.Ordinal);
        foreach (var (name, args) in LatexCiteCommands.BuiltIn) map[name] = new(Kind.Cite, new CiteCommand("\\" + name, args));
        map["begin"] = new(Kind.Begin);
        map["verb"] = new(Kind.Verb);
        map["lstinline"] = new(Kind.InlineCode);
        map["mintinline"] = new(Kind.InlineCode);
        foreach (var n in new[] { "newcommand", "renewcommand", "providecommand", "DeclareRobustCommand", "newrobustcmd" })
            map[n] = new(Kind.NewCommand);
        foreach (var n in new[] { "def", "gdef", "edef", "xdef" }) map[n] = new(Kind.Def);
        foreach (var n in new[] { "NewDocumentCommand", "RenewDocumentCommand", "ProvideDocumentCommand", "DeclareDocumentCommand" })
            map[n] = new(Kind.DocumentCommand);
        map["bibitem"] = new(Kind.BibItem);
        void Ref(string n, LatexReferenceKind k) => map[n] = new(Kind.Reference, Reference: k);
        Ref("bibliography", LatexReferenceKind.Bibliography);
        Ref("addbibresource", LatexReferenceKind.AddBibResource);
        Ref("addglobalbib", LatexReferenceKind.AddGlobalBib);
        Ref("bibliographystyle", LatexReferenceKind.BibliographyStyle);
        Ref("input", LatexReferenceKind.Input);
        Ref("include", LatexReferenceKind.Include);
        Ref("subfile", LatexReferenceKind.Subfile);
        Ref("subfileinclude", LatexReferenceKind.Subfile);
        Ref("import", LatexReferenceKind.Import);
        Ref("inputfrom", LatexReferenceKind.Import);
        Ref("includefrom", LatexReferenceKind.Import);
        Ref("subimport", LatexReferenceKind.SubImport);
        Ref("subinputfrom", LatexReferenceKind.SubImport);
        Ref("subincludefrom", LatexReferenceKind.SubImport);
        Ref("usepackage", LatexReferenceKind.UsePackage);
        Ref("RequirePackage", LatexReferenceKind.UsePackage);
        Ref("documentclass", LatexReferenceKind.DocumentClass);
        return map;
    }
}
