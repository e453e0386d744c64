using System.Text;

namespace CiteLsp.Fuzz.Engine;

/// <summary>
/// Turns fuzz bytes into the text a parser sees. UTF-8 with replacement characters, as files are read; two
/// private-use characters stand for lone surrogates, which no file decodes to but an LSP client can send
/// ("\ud800" in a JSON string), so the text harnesses see them too.
/// </summary>
internal static class FuzzText
{
    public static readonly byte[] LoneHigh = Encoding.UTF8.GetBytes("\uE000");
    public static readonly byte[] LoneLow = Encoding.UTF8.GetBytes("\uE001");

    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        var text = Encoding.UTF8.GetString(bytes);
        if (text.AsSpan().IndexOfAny('\uE000', '\uE001') < 0) return text;
        return text.Replace('\uE000', '\uD800').Replace('\uE001', '\uDC00');
    }
}
