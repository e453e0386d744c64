namespace CiteLsp.Core.Citations;

/// <summary>
/// Extra cite command names (without backslash, keys in the first mandatory argument, e.g. from the
/// citelsp.latex.citationCommands setting) and wrappers defined elsewhere in the project.
/// </summary>
public sealed record LatexScanOptions(IReadOnlyCollection<string>? ExtraCommands = null, IReadOnlyCollection<CiteWrapper>? Wrappers = null)
{
    public static readonly LatexScanOptions Default = new();
}
