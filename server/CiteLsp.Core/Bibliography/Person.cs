namespace CiteLsp.Core.Bibliography;

/// <summary>An author or editor. A corporate or unparsed name has only <see cref="Literal"/>.</summary>
public sealed record Person(string Family, string Given = "", string? Literal = null)
{
    public static Person Corporate(string name) => new(name, "", name);

    /// <summary>"Given Family", or the literal name.</summary>
    public string DisplayName => Literal ?? (Given.Length == 0 ? Family : $"{Given} {Family}");
}
