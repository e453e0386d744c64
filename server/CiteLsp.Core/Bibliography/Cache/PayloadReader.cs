using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>Reads a cache payload held in memory: values and length-prefixed arrays as raw little-endian bytes
/// (one bulk copy per array). A length that does not fit in what is left fails before anything is allocated.</summary>
internal sealed class PayloadReader(byte[] data, int position = 0)
{
    public byte[] Data { get; } = data;
    public int Position { get; private set; } = position;
    public int Remaining => Data.Length - Position;

    public T Value<T>() where T : unmanaged
    {
        var size = Unsafe.SizeOf<T>();
        if (size > Remaining) throw new InvalidDataException("cache payload ends early");
        var value = MemoryMarshal.Read<T>(Data.AsSpan(Position, size));
        Position += size;
        return value;
    }

    public T[] Array<T>() where T : unmanaged
    {
        var bytes = Block(Unsafe.SizeOf<T>());
        var array = GC.AllocateUninitializedArray<T>(bytes.Count / Unsafe.SizeOf<T>());
        bytes.AsSpan().CopyTo(MemoryMarshal.AsBytes(array.AsSpan()));
        return array;
    }

    /// <summary>A length-prefixed run of bytes, not copied.</summary>
    public ArraySegment<byte> Bytes() => Block(1);

    private ArraySegment<byte> Block(int itemSize)
    {
        var count = Value<int>();
        if (count < 0 || (long)count * itemSize > Remaining) throw new InvalidDataException("bad block length");
        var block = new ArraySegment<byte>(Data, Position, count * itemSize);
        Position += block.Count;
        return block;
    }
}
