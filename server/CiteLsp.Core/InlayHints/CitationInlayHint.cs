namespace CiteLsp.Core.InlayHints;

/// <summary>A label ("Nakkiran et al. 2019") to show right after the key ending at <see cref="Offset"/>.</summary>
public sealed record CitationInlayHint(int Offset, string Label, string Key);
