namespace CiteLsp.Core.Completion;

/// <summary>Replace [Start, Start+Length) of the file at Path with NewText (UTF-16 offsets of the file's text).</summary>
public sealed record TextInsertion(string Path, int Start, int Length, string NewText);
