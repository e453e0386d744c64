using CiteLsp.Core.Text;

namespace CiteLsp.Core.Bibliography.Bibtex;

/// <summary>Error-tolerant BibTeX/BibLaTeX parser: never throws, keeps every good entry, reports problems with spans.</summary>
public static class BibtexParser
{
    public const string Format = "bibtex";

    /// <summary>True when the text contains something shaped like "@type{" or "@type(".</summary>
    public static bool Detect(string text)
    {
        var span = text.AsSpan();
        for (var at = span.IndexOf('@'); at >= 0 && at < span.Length - 1; at = NextAt(span, at))
        {
            var p = at + 1;
            while (p < span.Length && (char.IsAsciiLetterOrDigit(span[p]) || span[p] is '_' or '-')) p++;
            if (p == at + 1) continue;
            while (p < span.Length && span[p] is ' ' or '\t' or '\r' or '\n') p++;
            if (p < span.Length && span[p] is '{' or '(') return true;
        }
        return false;
    }

    private static int NextAt(ReadOnlySpan<char> span, int at)
    {
        var k = span[(at + 1)..].IndexOf('@');
        return k < 0 ? -1 : at + 1 + k;
    }

    public static CatalogFile Parse(string path, string text)
    {
        var lines = new LineIndex(text);
        var scanner = new BibScanner(path, text, lines);
        scanner.Run();
        AddAliases(scanner, path);
        BibInheritance.Resolve(scanner.Entries, scanner.ByKey, path, scanner.Diagnostics);
        var entries = new Entry[scanner.Entries.Count];
        for (var i = 0; i < entries.Length; i++) entries[i] = BibEntryBuilder.Build(scanner.Entries[i], path);
        return new CatalogFile(path, Format, entries, scanner.Diagnostics, lines);
    }

    /// <summary>"ids" aliases resolve crossref/xdata references too (biber does this).</summary>
    private static void AddAliases(BibScanner scanner, string path)
    {
        foreach (var e in scanner.Entries)
        {
            if (!e.Fields.TryGetValue("ids", out var ids)) continue;
            foreach (var alias in ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (!scanner.ByKey.TryAdd(alias, e) && scanner.ByKey[alias] != e)
                    scanner.Diagnostics.Add(new CatalogDiagnostic(Severity.Warning, "bib-duplicate-key",
                        $"alias '{alias}' of '{e.Key}' is already a key or alias of another entry", new SourceSpan(path, e.KeyStart, e.Key.Length)));
        }
    }
}
