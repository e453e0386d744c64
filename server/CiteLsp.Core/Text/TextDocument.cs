namespace CiteLsp.Core.Text;

/// <summary>
/// An immutable open document: identity, language, version and text. Edits return a new instance, so a
/// handler that took a snapshot keeps a consistent view while the editor keeps typing.
/// </summary>
public sealed class TextDocument
{
    private LineIndex? _lines;

    public TextDocument(string uri, string path, string languageId, int version, string text)
    {
        Uri = uri;
        Path = path;
        LanguageId = languageId;
        Version = version;
        Text = text;
    }

    /// <summary>The editor's identity for the document (an LSP URI string), compared ordinally.</summary>
    public string Uri { get; }
    /// <summary>Local file path (for spans and resolving relative bibliography paths).</summary>
    public string Path { get; }
    public string LanguageId { get; }
    public int Version { get; }
    public string Text { get; }

    /// <summary>Built on first use; safe to race (both threads build the same value).</summary>
    public LineIndex Lines => _lines ??= new LineIndex(Text);

    public TextDocument WithText(string text, int version) => new(Uri, Path, LanguageId, version, text);

    /// <summary>Replaces [start, start+length) with <paramref name="newText"/>; null when the range is outside the text.</summary>
    public TextDocument? Replace(int start, int length, string newText, int version)
    {
        if (start < 0 || length < 0 || start + length > Text.Length) return null;
        return WithText(string.Concat(Text.AsSpan(0, start), newText, Text.AsSpan(start + length)), version);
    }
}
