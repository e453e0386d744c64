namespace CiteLsp.Server.Protocol;

/// <summary>file:// URIs to local paths and back; other schemes (untitled:) keep the URI as their "path".</summary>
internal static class DocumentUri
{
    public static string ToPath(string uri) =>
        System.Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile ? u.LocalPath : uri;

    public static string FromPath(string path) => new System.Uri(path).AbsoluteUri;
}
