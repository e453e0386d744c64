using System.Text;

namespace CiteLsp.Core.Bibliography.Csl;

/// <summary>Converts increasing UTF-8 byte offsets to UTF-16 offsets in one pass (the JSON reader speaks bytes, editors UTF-16).</summary>
internal sealed class Utf8Offsets(byte[] bytes)
{
    private int _byte;
    private int _char;

    public int CharOffset(int byteOffset)
    {
        byteOffset = Math.Clamp(byteOffset, 0, bytes.Length);
        if (byteOffset < _byte) { _byte = 0; _char = 0; }
        _char += Encoding.UTF8.GetCharCount(bytes.AsSpan(_byte, byteOffset - _byte));
        _byte = byteOffset;
        return _char;
    }
}
