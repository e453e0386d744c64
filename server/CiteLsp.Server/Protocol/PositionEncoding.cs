namespace CiteLsp.Server.Protocol;

/// <summary>The unit LSP positions count characters in, negotiated at initialize (LSP 3.17).</summary>
internal static class PositionEncoding
{
    public const string Utf8 = "utf-8";
    public const string Utf16 = "utf-16";
    public const string Utf32 = "utf-32";

    /// <summary>The client's most preferred encoding we support; UTF-16 when it states none (the LSP default).</summary>
    public static string Negotiate(IReadOnlyList<string>? clientPreferences)
    {
        foreach (var e in clientPreferences ?? [])
            if (e is Utf8 or Utf16 or Utf32) return e;
        return Utf16;
    }
}
