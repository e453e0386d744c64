using System.Text.RegularExpressions;
using CiteLsp.Core.Bibliography;
using CiteLsp.Core.Text;

namespace CiteLsp.Core.Edits;

/// <summary>
/// The edit that adds an item to a CSL-YAML `references:` list: in a .yaml file or in a Markdown document's
/// front matter. The item goes after the last one, at the list's indentation, keeping blank-line separation.
/// </summary>
public static partial class CslYamlAppender
{
    /// <summary>Null when the file already holds the id or its `references:` is a flow list we cannot extend.</summary>
    public static FileEdit? AppendToFile(string path, string text, Entry entry) =>
        Append(path, text, 0, text.Length, entry, topLevelListAllowed: true);

    /// <summary>Adds to the front matter's `references:` (creating the key, or the front matter, when missing).</summary>
    public static FileEdit? AppendToFrontMatter(string path, string markdown, Entry entry)
    {
        var newLine = LineEndings.Detect(markdown);
        var open = FrontMatterOpen().Match(markdown);
        var close = open.Success ? FrontMatterClose().Match(markdown, open.Length) : Match.Empty;
        if (!open.Success || !close.Success)
        {
            var lines = CslYaml.ItemLines(entry, "");
            var block = string.Join(newLine, ["---", "references:", .. lines, "---", "", ""]);
            return new FileEdit(path, [TextEdit.Insert(path, 0, block)]);
        }
        return Append(path, markdown, open.Length, close.Index, entry, topLevelListAllowed: false);
    }

    private static FileEdit? Append(string path, string text, int start, int end, Entry entry, bool topLevelListAllowed)
    {
        var region = text[start..end];
        if (Regex.IsMatch(region, @"^[ \t]*(?:-[ \t]+)?id:[ \t]*[""']?" + Regex.Escape(entry.Key) + @"[""']?[ \t]*$", RegexOptions.Multiline))
            return null;
        var newLine = LineEndings.Detect(text);
        var key = ReferencesKey().Match(region);
        if (key.Success && key.Groups["empty"].Success)
        {
            // "references: []" becomes a block list.
            var afterColon = key.Index + "references:".Length;
            var flow = key.Groups["empty"];
            var item = string.Join(newLine, CslYaml.ItemLines(entry, ""));
            return Edit(path, start + afterColon, flow.Index + flow.Length - afterColon, newLine + item);
        }
        if (key.Success && key.Groups["flow"].Success) return null;

        int listStart;
        if (key.Success) listStart = NextLine(region, key.Index);
        else if (topLevelListAllowed && TopLevelList().IsMatch(region)) listStart = 0;
        else
        {
            // No list yet: add the key at the end of the mapping.
            var at = LineEndings.ContentEnd(region, region.Length);
            var lines = CslYaml.ItemLines(entry, "");
            var lead = at == 0 ? "" : newLine;
            return Edit(path, start + at, 0, lead + string.Join(newLine, ["references:", .. lines]) + (start + at == end ? newLine : ""));
        }
        return AppendToList(path, start, region, listStart, entry, newLine);
    }

    /// <summary>The list runs from <paramref name="listStart"/> over indented, "-", blank and comment lines.</summary>
    private static FileEdit AppendToList(string path, int start, string region, int listStart, Entry entry, string newLine)
    {
        string? indent = null;
        var lastContentEnd = listStart;
        bool blankBetweenItems = false, sawBlank = false;
        for (var at = listStart; at < region.Length; at = NextLine(region, at))
        {
            var lineEnd = LineEnd(region, at);
            var line = region[at..lineEnd];
            var trimmed = line.TrimStart(' ', '\t');
            if (trimmed.Length == 0) { sawBlank = true; continue; }
            if (trimmed[0] == '#') continue;
            if (!(line[0] is ' ' or '\t' or '-')) break;
            if (trimmed[0] == '-')
            {
                indent ??= line[..(line.Length - trimmed.Length)];
                if (sawBlank && lastContentEnd > listStart) blankBetweenItems = true;
            }
            sawBlank = false;
            lastContentEnd = lineEnd;
        }
        var item = string.Join(newLine, CslYaml.ItemLines(entry, indent ?? ""));
        if (lastContentEnd == listStart)
        {
            // "references:" with nothing under it yet.
            var lead = listStart > 0 && region[listStart - 1] == '\n' ? "" : newLine;
            return Edit(path, start + listStart, 0, lead + item + newLine);
        }
        // After the last list line's content; that line's end then follows the new item.
        return Edit(path, start + lastContentEnd, 0, newLine + (blankBetweenItems ? newLine : "") + item);
    }

    private static int NextLine(string s, int at)
    {
        var nl = s.IndexOf('\n', at);
        return nl < 0 ? s.Length : nl + 1;
    }

    private static int LineEnd(string s, int at)
    {
        var nl = s.IndexOf('\n', at);
        var end = nl < 0 ? s.Length : nl;
        return end > at && s[end - 1] == '\r' ? end - 1 : end;
    }

    private static FileEdit Edit(string path, int start, int length, string newText) =>
        new(path, [new TextEdit(new SourceSpan(path, start, length), newText)]);

    [GeneratedRegex(@"^references:[ \t]*(?:(?<empty>\[[ \t]*\])|(?<flow>\[.*)|#.*)?[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex ReferencesKey();

    [GeneratedRegex(@"\A(?:[ \t]*(?:#.*)?\r?\n)*-[ \t]")]
    private static partial Regex TopLevelList();

    [GeneratedRegex(@"\A\uFEFF?---[ \t]*\r?\n")]
    private static partial Regex FrontMatterOpen();

    [GeneratedRegex(@"^(?:---|\.\.\.)[ \t]*\r?$", RegexOptions.Multiline)]
    private static partial Regex FrontMatterClose();
}
