using CiteLsp.Core.Text;

namespace CiteLsp.Core.Edits;

/// <summary>Replace <see cref="Span"/> (an empty span inserts) with <see cref="NewText"/>.</summary>
public sealed record TextEdit(SourceSpan Span, string NewText)
{
    public static TextEdit Insert(string path, int offset, string text) => new(new SourceSpan(path, offset, 0), text);
}
