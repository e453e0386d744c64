using System.Runtime.InteropServices;

namespace CiteLsp.Core.Search;

/// <summary>Reads length-prefixed blocks of unmanaged values straight into arrays. A length that cannot fit in what
/// is left of the stream is malformed: it fails before anything is allocated.</summary>
internal sealed class BlockReader(Stream stream)
{
    private const long MaxBytesUnseekable = 1L << 31;
    private readonly long _end = stream.CanSeek ? stream.Length : long.MaxValue;
    private long _read = stream.CanSeek ? stream.Position : 0;

    public T Value<T>() where T : unmanaged
    {
        T value = default;
        Fill(MemoryMarshal.AsBytes(new Span<T>(ref value)));
        return value;
    }

    public T[] Array<T>() where T : unmanaged
    {
        var length = Value<int>();
        var bytes = (long)length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (length < 0 || bytes > _end - _read || bytes > MaxBytesUnseekable) throw new InvalidDataException("bad block length");
        var array = GC.AllocateUninitializedArray<T>(length); // filled in full just below, or thrown away
        Fill(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }

    /// <summary>Strings packed as one UTF-16 blob plus offsets (count + 1, ascending from 0 to the blob's length).</summary>
    public string[]? Strings()
    {
        var blob = Array<char>();
        var offsets = Array<int>();
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != blob.Length) return null;
        var strings = new string[offsets.Length - 1];
        for (var i = 0; i < strings.Length; i++)
        {
            var length = offsets[i + 1] - offsets[i];
            if (length < 0) return null;
            strings[i] = new string(blob, offsets[i], length);
        }
        return strings;
    }

    private void Fill(Span<byte> into)
    {
        stream.ReadExactly(into);
        _read += into.Length;
    }
}
