using CiteLsp.Core.Text;
using static CiteLsp.Core.Citations.LatexCiteArguments;
using static CiteLsp.Core.Citations.LatexCommandTable;

namespace CiteLsp.Core.Citations;

/// <summary>One forward pass over a LaTeX file; see <see cref="LatexScan"/> for what it collects.</summary>
internal sealed class LatexScanner(string path, string text, LatexScanOptions options)
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
