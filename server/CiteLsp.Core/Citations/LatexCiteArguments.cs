using CiteLsp.Core.Text;

namespace CiteLsp.Core.Citations;

/// <summary>Reads a cite command's arguments (optional, volume, multicite, wrapper parameters) and its keys.</summary>
internal static class LatexCiteArguments
{
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

    internal static int SkipOptionals(string text, int p, char open, int max)
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
        var e = LatexSyntax.ReadKeyList(text, q);
        if (e < 0) return -1;
        keyGroups.Add((q + 1, e - 1));
        return e;
    }
}
