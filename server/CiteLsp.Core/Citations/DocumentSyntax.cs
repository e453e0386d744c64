namespace CiteLsp.Core.Citations;

/// <summary>Which citation syntax a document uses.</summary>
public enum DocumentSyntax
{
    Latex,
    Markdown,
}
