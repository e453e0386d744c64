using System.Buffers;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Citations;

/// <summary>
/// One forward pass over a LaTeX file: cite commands (with their keys), \bibitem, filecontents, file and
/// bibliography commands, wrappers the document defines. Skips comments, verbatim-like environments and \verb.
/// </summary>
public static class LatexCitationScanner
{
    private enum Kind { Cite, Begin, Verb, InlineCode, NewCommand, Def, DocumentCommand, BibItem, Reference }

    private sealed record Command(Kind Kind, CiteCommand? Cite = null, LatexReferenceKind Reference = default);

    private static readonly SearchValues<char> Special = SearchValues.Create("\\%");

    private static readonly HashSet<string> VerbatimEnvironments = new(StringComparer.Ordinal)
    {
        "verbatim", "verbatim*", "Verbatim", "Verbatim*", "BVerbatim", "LVerbatim", "lstlisting", "minted", "comment",
    };

    private static readonly Dictionary<string, Command> BuiltIn = BuildCommands();

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

    /// <summary>The citations of a LaTeX file, in order, never overlapping.</summary>
    public static IReadOnlyList<Citation> Scan(string path, string text, LatexScanOptions? options = null) =>
        Analyze(path, text, options).Citations;

    /// <summary>Everything the scan finds (see <see cref="LatexScan"/>).</summary>
    public static LatexScan Analyze(string path, string text, LatexScanOptions? options = null) =>
        new Scanner(path, text, options ?? LatexScanOptions.Default).Run();

    /// <summary>Looks up a cite command (built-in, configured or wrapper) by name without backslash.</summary>
    internal static CiteCommand? FindCite(ReadOnlySpan<char> name, LatexScanOptions? options)
    {
        if (BuiltIn.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var c)) return c.Cite;
        if (options is null) return null;
        foreach (var w in options.Wrappers ?? []) if (name.SequenceEqual(w.Name)) return new CiteCommand("\\" + w.Name, CiteArgs.First, w);
        foreach (var e in options.ExtraCommands ?? []) if (name.SequenceEqual(e.TrimStart('\\'))) return new CiteCommand("\\" + name.ToString(), CiteArgs.First);
        return null;
    }

    /// <summary>
    /// Parses the cite command starting at start (its name ends before p) and adds a citation per key.
    /// Returns the end of the command or -1. "*" sets citesAll instead of being a key.
    /// </summary>
    internal static int ScanCite(string path, string text, int start, int p, CiteCommand cite, List<Citation> into, ref bool citesAll)
    {
        var groups = new List<(int Start, int End)>(2);
        var end = ParseArgs(text, p, cite, groups);
        if (end < 0) return -1;
        var commandSpan = new SourceSpan(path, start, end - start);
        var keys = new List<(int Start, int Length)>();
        foreach (var (gs, ge) in groups)
        {
            keys.Clear();
            LatexSyntax.SplitList(text, gs, ge, keys);
            foreach (var (ks, kl) in keys)
            {
                if (kl == 1 && text[ks] == '*') { citesAll = true; continue; }
                if (text.AsSpan(ks, kl).Contains('#')) continue; // a macro parameter inside a definition
                into.Add(new Citation(text.Substring(ks, kl), new SourceSpan(path, ks, kl), commandSpan, cite.Text, DocumentSyntax.Latex));
            }
        }
        return end;
    }

    /// <summary>
    /// Parses a cite command's arguments from p (just after its name and star); collects the inner
    /// ranges of key groups. Returns the end of the command, or -1 when it has no key argument yet.
    /// </summary>
    internal static int ParseArgs(string text, int p, CiteCommand cmd, List<(int Start, int End)> keyGroups)
    {
        if (cmd.Wrapper is { } w) return ParseWrapper(text, p, w, keyGroups);
        switch (cmd.Args)
        {
            case CiteArgs.First:
            {
                var end = SkipOptionals(text, p, '[', 2);
                return ReadKeyGroup(text, end, keyGroups);
            }
            case CiteArgs.Second:
            {
                var q = SkipOptionals(text, p, '[', 1);
                q = LatexSyntax.SkipSpaces(text, q);
                if (q >= text.Length || text[q] != '{' || (q = LatexSyntax.ReadGroup(text, q)) < 0) return -1;
                q = SkipOptionals(text, q, '[', 1);
                return ReadKeyGroup(text, q, keyGroups);
            }
            default:
            {
                var q = SkipOptionals(text, p, '(', 2);
                var end = -1;
                while (true)
                {
                    var next = ReadKeyGroup(text, SkipOptionals(text, q, '[', 2), keyGroups);
                    if (next < 0) return end;
                    end = q = next;
                }
            }
        }
    }

    private static int ParseWrapper(string text, int p, CiteWrapper w, List<(int Start, int End)> keyGroups)
    {
        var end = p;
        for (var n = 0; n < w.Params.Length; n++)
        {
            var q = LatexSyntax.SkipSpaces(text, end);
            var isKey = n + 1 == w.KeyParam;
            switch (w.Params[n])
            {
                case 's':
                    if (q < text.Length && text[q] == '*') end = q + 1;
                    break;
                case 'o':
                    if (q < text.Length && text[q] == '[')
                    {
                        var g = LatexSyntax.ReadGroup(text, q);
                        if (g < 0) return -1;
                        if (isKey) keyGroups.Add((q + 1, g - 1));
                        end = g;
                    }
                    break;
                default:
                    if (q >= text.Length || text[q] != '{') return -1;
                    var e = LatexSyntax.ReadGroup(text, q);
                    if (e < 0) return -1;
                    if (isKey) keyGroups.Add((q + 1, e - 1));
                    end = e;
                    break;
            }
        }
        return keyGroups.Count > 0 ? end : -1;
    }

    private static int SkipOptionals(string text, int p, char open, int max)
    {
        for (var n = 0; n < max; n++)
        {
            var q = LatexSyntax.SkipSpaces(text, p);
            if (q >= text.Length || text[q] != open) break;
            var e = LatexSyntax.ReadGroup(text, q);
            if (e < 0) break;
            p = e;
        }
        return p;
    }

    private static int ReadKeyGroup(string text, int p, List<(int Start, int End)> keyGroups)
    {
        var q = LatexSyntax.SkipSpaces(text, p);
        if (q >= text.Length || text[q] != '{') return -1;
        var e = LatexSyntax.ReadGroup(text, q);
        if (e < 0) return -1;
        keyGroups.Add((q + 1, e - 1));
        return e;
    }

    private sealed class Scanner(string path, string text, LatexScanOptions options)
    {
        private readonly List<Citation> _citations = [];
        private readonly List<InlineKey> _bibItems = [];
        private readonly List<EmbeddedFile> _embedded = [];
        private readonly List<LatexReference> _references = [];
        private readonly List<CiteWrapper> _wrappers = [];
        private readonly List<(int Start, int Length)> _keys = [];
        private Dictionary<string, CiteCommand>? _extra;
        private bool _citesAll;
        private bool _hasDocument;
        private string? _magicRoot;

        public LatexScan Run()
        {
            foreach (var e in options.ExtraCommands ?? [])
                AddExtra(new CiteCommand("\\" + e.TrimStart('\\'), CiteArgs.First));
            foreach (var w in options.Wrappers ?? []) AddExtra(new CiteCommand("\\" + w.Name, CiteArgs.First, w));

            var i = 0;
            while (i < text.Length)
            {
                var j = text.AsSpan(i).IndexOfAny(Special);
                if (j < 0) break;
                i += j;
                i = text[i] == '%' ? Comment(i) : ControlSequence(i);
            }
            return new LatexScan(_citations, _citesAll, _bibItems, _embedded, _references, _magicRoot, _hasDocument, _wrappers);
        }

        private void AddExtra(CiteCommand c)
        {
            _extra ??= new Dictionary<string, CiteCommand>(StringComparer.Ordinal);
            _extra[c.Text[1..]] = c;
        }

        private int Comment(int i)
        {
            var end = LatexSyntax.LineEnd(text, i);
            if (_magicRoot is null) _magicRoot = MagicRoot(text.AsSpan(i + 1, end - i - 1));
            return end;
        }

        /// <summary>"% !TEX root = main.tex" (any case, any spacing) names the root document.</summary>
        private static string? MagicRoot(ReadOnlySpan<char> comment)
        {
            comment = comment.Trim();
            if (!comment.StartsWith("!TEX", StringComparison.OrdinalIgnoreCase)) return null;
            comment = comment[4..].TrimStart();
            if (!comment.StartsWith("root", StringComparison.OrdinalIgnoreCase)) return null;
            comment = comment[4..].TrimStart();
            if (comment.IsEmpty || comment[0] != '=') return null;
            var value = comment[1..].Trim();
            return value.IsEmpty ? null : value.ToString();
        }

        private int ControlSequence(int i)
        {
            var nameEnd = LatexSyntax.ReadLetters(text, i + 1);
            if (nameEnd == i + 1) return i + 2; // control symbol: \%, \\, \{ …
            var name = text.AsSpan(i + 1, nameEnd - i - 1);
            var p = nameEnd < text.Length && text[nameEnd] == '*' ? nameEnd + 1 : nameEnd;

            CiteCommand? cite = null;
            if (BuiltIn.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var cmd))
            {
                if (cmd.Kind != Kind.Cite) return Structural(cmd, i, name, nameEnd, p);
                cite = cmd.Cite;
            }
            else if (_extra is not null && _extra.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var x))
            {
                cite = x;
            }
            if (cite is null) return nameEnd;
            if (cite.Wrapper is not null) p = nameEnd; // a wrapper's own parameters decide about stars
            return Cite(i, p, cite) is var end && end > 0 ? end : nameEnd;
        }

        private int Cite(int start, int p, CiteCommand cite) => ScanCite(path, text, start, p, cite, _citations, ref _citesAll);

        private int Structural(Command cmd, int start, ReadOnlySpan<char> name, int nameEnd, int p) => cmd.Kind switch
        {
            Kind.Begin => Begin(nameEnd),
            Kind.Verb => Verb(p),
            Kind.InlineCode => InlineCode(nameEnd, name.SequenceEqual("mintinline")),
            Kind.NewCommand => NewCommand(p),
            Kind.Def => Def(nameEnd),
            Kind.DocumentCommand => DocumentCommand(p),
            Kind.BibItem => BibItem(p),
            _ => Reference(cmd.Reference, start, p),
        };

        private int Begin(int p)
        {
            var q = LatexSyntax.SkipSpaces(text, p);
            if (q >= text.Length || text[q] != '{') return p;
            var e = LatexSyntax.ReadGroup(text, q);
            if (e < 0) return p;
            var env = text.AsSpan(q + 1, e - q - 2).Trim();
            if (env.SequenceEqual("document")) { _hasDocument = true; return e; }
            if (env.SequenceEqual("filecontents") || env.SequenceEqual("filecontents*")) return FileContents(e, env.ToString());
            var lookup = VerbatimEnvironments.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.Contains(env)) return e;
            return SkipToEnd(e, env.ToString(), out _);
        }

        /// <summary>Index after "\end{env}" searched from p (text end when missing); bodyEnd is where it starts.</summary>
        private int SkipToEnd(int p, string env, out int bodyEnd)
        {
            var marker = "\\end{" + env + "}";
            var k = text.IndexOf(marker, p, StringComparison.Ordinal);
            bodyEnd = k < 0 ? text.Length : k;
            return k < 0 ? text.Length : k + marker.Length;
        }

        private int FileContents(int p, string env)
        {
            // \begin{filecontents}[force]{name} (LaTeX 2019+) or \begin{filecontents*}{name}
            var q = SkipOptionals(text, p, '[', 1);
            q = LatexSyntax.SkipSpaces(text, q);
            if (q >= text.Length || text[q] != '{') return p;
            var e = LatexSyntax.ReadGroup(text, q);
            if (e < 0) return p;
            var name = text.Substring(q + 1, e - q - 2).Trim();
            var bodyStart = LatexSyntax.LineEnd(text, e);
            if (bodyStart < text.Length) bodyStart += text[bodyStart] == '\r' && bodyStart + 1 < text.Length && text[bodyStart + 1] == '\n' ? 2 : 1;
            var end = SkipToEnd(bodyStart, env, out var bodyEnd);
            _embedded.Add(new EmbeddedFile(name, text[bodyStart..bodyEnd], new SourceSpan(path, bodyStart, bodyEnd - bodyStart)));
            return end;
        }

        private int Verb(int p)
        {
            if (p >= text.Length) return p;
            var delimiter = text[p];
            var lineEnd = LatexSyntax.LineEnd(text, p);
            var k = text.IndexOf(delimiter, p + 1, lineEnd - p - 1 < 0 ? 0 : lineEnd - p - 1);
            return k < 0 ? lineEnd : k + 1;
        }

        private int InlineCode(int p, bool minted)
        {
            var q = SkipOptionals(text, p, '[', 1);
            if (minted && q < text.Length && text[q] == '{') q = Math.Max(LatexSyntax.ReadGroup(text, q), q + 1);
            if (q >= text.Length) return q;
            if (text[q] != '{') return Verb(q);
            var k = text.IndexOf('}', q);
            return k < 0 ? q + 1 : k + 1;
        }

        /// <summary>\newcommand{\name}[n][default]{body}: registers name when body passes #k to a cite command.</summary>
        private int NewCommand(int p)
        {
            var q = LatexSyntax.SkipSpaces(text, p);
            if (!ReadDefinedName(ref q, out var name)) return p;
            var afterName = q;
            var count = 0;
            var hasDefault = false;
            q = LatexSyntax.SkipSpaces(text, q);
            if (q < text.Length && text[q] == '[')
            {
                var e = LatexSyntax.ReadGroup(text, q);
                if (e < 0 || !int.TryParse(text.AsSpan(q + 1, e - q - 2).Trim(), out count)) return afterName;
                q = LatexSyntax.SkipSpaces(text, e);
                if (q < text.Length && text[q] == '[' && (e = LatexSyntax.ReadGroup(text, q)) > 0) { hasDefault = true; q = LatexSyntax.SkipSpaces(text, e); }
            }
            if (count <= 0 || count > 9) return afterName;
            var spec = (hasDefault ? "o" : "m") + new string('m', count - 1);
            Define(name, spec, q);
            return afterName; // the body is scanned like any text (parameter keys are dropped)
        }

        /// <summary>\def\name#1#2{body} (undelimited parameters only).</summary>
        private int Def(int p)
        {
            var q = p;
            if (!ReadDefinedName(ref q, out var name)) return p;
            var afterName = q;
            var count = 0;
            while (q + 1 < text.Length && text[q] == '#' && text[q + 1] == (char)('1' + count)) { count++; q += 2; }
            if (count == 0 || q >= text.Length || text[q] != '{') return afterName;
            Define(name, new string('m', count), q);
            return afterName;
        }

        /// <summary>\NewDocumentCommand{\name}{m o O{x} s}{body}.</summary>
        private int DocumentCommand(int p)
        {
            var q = LatexSyntax.SkipSpaces(text, p);
            if (!ReadDefinedName(ref q, out var name)) return p;
            var afterName = q;
            q = LatexSyntax.SkipSpaces(text, q);
            if (q >= text.Length || text[q] != '{') return afterName;
            var e = LatexSyntax.ReadGroup(text, q);
            if (e < 0) return afterName;
            var spec = new System.Text.StringBuilder();
            for (var k = q + 1; k < e - 1; k++)
            {
                var c = text[k];
                if (c is ' ' or '+' or '!' or '\t' or '\n' or '\r') continue;
                if (c is 'm' or 'o' or 's') spec.Append(c);
                else if (c == 'O' && k + 1 < e - 1 && text[k + 1] == '{') { spec.Append('o'); k = LatexSyntax.ReadGroup(text, k + 1) - 1; if (k < 0) return afterName; }
                else return afterName; // argument types we do not model
            }
            if (spec.Length == 0) return afterName;
            Define(name, spec.ToString(), LatexSyntax.SkipSpaces(text, e));
            return afterName;
        }

        private bool ReadDefinedName(ref int q, out string name)
        {
            name = "";
            var braced = q < text.Length && text[q] == '{';
            var s = braced ? LatexSyntax.SkipSpaces(text, q + 1) : q;
            if (s >= text.Length || text[s] != '\\') return false;
            var e = LatexSyntax.ReadLetters(text, s + 1);
            if (e == s + 1) return false;
            name = text.Substring(s + 1, e - s - 1);
            if (braced)
            {
                e = LatexSyntax.SkipSpaces(text, e);
                if (e >= text.Length || text[e] != '}') return false;
                e++;
            }
            q = e;
            return true;
        }

        /// <summary>Registers name as a wrapper when the body at bodyStart calls a cite command with #k in its keys.</summary>
        private void Define(string name, string spec, int bodyStart)
        {
            if (bodyStart >= text.Length || text[bodyStart] != '{') return;
            var bodyEnd = LatexSyntax.ReadGroup(text, bodyStart, isLong: true);
            if (bodyEnd < 0) return;
            var keyParam = FindKeyParam(bodyStart + 1, bodyEnd - 1);
            if (keyParam <= 0 || keyParam > spec.Length) return;
            var wrapper = new CiteWrapper(name, spec, keyParam);
            _wrappers.Add(wrapper);
            if (!BuiltIn.ContainsKey(name)) AddExtra(new CiteCommand("\\" + name, CiteArgs.First, wrapper));
        }

        private int FindKeyParam(int start, int end)
        {
            var groups = new List<(int Start, int End)>();
            for (var i = text.IndexOf('\\', start, end - start); i >= 0 && i < end; i = text.IndexOf('\\', i + 1, end - i - 1))
            {
                var nameEnd = LatexSyntax.ReadLetters(text, i + 1);
                if (nameEnd == i + 1) continue;
                var name = text.AsSpan(i + 1, nameEnd - i - 1);
                CiteCommand? cite = null;
                if (BuiltIn.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var c)) cite = c.Cite;
                else if (_extra is not null && _extra.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var x)) cite = x;
                if (cite is null) continue;
                var p = cite.Wrapper is null && nameEnd < end && text[nameEnd] == '*' ? nameEnd + 1 : nameEnd;
                groups.Clear();
                if (ParseArgs(text, p, cite, groups) < 0) continue;
                foreach (var (gs, ge) in groups)
                {
                    var h = text.IndexOf('#', gs, ge - gs);
                    if (h >= 0 && h + 1 < ge && char.IsAsciiDigit(text[h + 1])) return text[h + 1] - '0';
                }
            }
            return 0;
        }

        private int BibItem(int p)
        {
            var q = SkipOptionals(text, p, '[', 1);
            q = LatexSyntax.SkipSpaces(text, q);
            if (q >= text.Length || text[q] != '{') return p;
            var e = LatexSyntax.ReadGroup(text, q);
            if (e < 0) return p;
            _keys.Clear();
            LatexSyntax.SplitList(text, q + 1, e - 1, _keys);
            foreach (var (ks, kl) in _keys)
                if (!text.AsSpan(ks, kl).Contains('#')) _bibItems.Add(new InlineKey(text.Substring(ks, kl), new SourceSpan(path, ks, kl)));
            return e;
        }

        private int Reference(LatexReferenceKind kind, int start, int p)
        {
            string? options = null;
            var q = LatexSyntax.SkipSpaces(text, p);
            if (q < text.Length && text[q] == '[')
            {
                var oe = LatexSyntax.ReadGroup(text, q);
                if (oe < 0) return p;
                options = text.Substring(q + 1, oe - q - 2);
                q = LatexSyntax.SkipSpaces(text, oe);
            }
            string value;
            int end;
            if (q < text.Length && text[q] == '{')
            {
                end = LatexSyntax.ReadGroup(text, q);
                if (end < 0) return p;
                value = text.Substring(q + 1, end - q - 2).Trim();
                if (kind is LatexReferenceKind.Import or LatexReferenceKind.SubImport)
                {
                    var r = LatexSyntax.SkipSpaces(text, end);
                    if (r >= text.Length || text[r] != '{' || (end = LatexSyntax.ReadGroup(text, r)) < 0) return p;
                    var dir = value.TrimEnd('/');
                    var file = text.Substring(r + 1, end - r - 2).Trim();
                    value = dir.Length == 0 ? file : dir + "/" + file;
                }
            }
            else if (kind == LatexReferenceKind.Input && q < text.Length && q == p + 1 && text[p] == ' ')
            {
                // TeX primitive form: \input chapter1
                end = q;
                while (end < text.Length && !char.IsWhiteSpace(text[end]) && text[end] is not ('%' or '\\' or '}')) end++;
                if (end == q) return p;
                value = text[q..end];
            }
            else return p;
            _references.Add(new LatexReference(kind, value, options, new SourceSpan(path, start, end - start)));
            return end;
        }
    }
}
