namespace CiteLsp.Server.Catalogs;

internal enum CatalogRole { Bibliography, Library }

/// <summary>A catalog file that applies to a document, in which role, and why (shown to the user).</summary>
internal sealed record CatalogSource(string Path, CatalogRole Role, string Reason)
{
    public bool IsEmbedded => Path.StartsWith(EmbeddedSeeds.Scheme, StringComparison.Ordinal);
}
