namespace CiteLsp.Core.Text;

/// <summary>A span of text in a file, in UTF-16 code units of the decoded text.</summary>
public readonly record struct SourceSpan(string Path, int Start, int Length)
{
    public int End => Start + Length;
    public bool Contains(int offset) => offset >= Start && offset <= End;
}
