namespace CiteLsp.Core.Bibliography;

/// <summary>An author or editor. A corporate or unparsed name has only <see cref="Literal"/>.</summary>
public sealed record Person(string Family, string Given = "", string? Literal = null)
{
    public static Person Corporate(string name) => new(name, "", name);

    /// <summary>"Jr", "III": the BibTeX "Family, Jr, Given" part.</summary>
    public string Suffix { get; init; } = "";

    /// <summary>Nothing to show ("{}" in BibTeX, "" in CSL): readers leave such names out, as biber and citeproc do.</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(Family) && string.IsNullOrWhiteSpace(Given) && string.IsNullOrWhiteSpace(Literal);

    /// <summary>"Given Family Suffix", or the literal name.</summary>
    public string DisplayName => Literal ?? string.Join(' ', new[] { Given, Family, Suffix }.Where(p => p.Length > 0));
}
