using System.Runtime.InteropServices;
using System.Text;
using CiteLsp.Core.Bibliography.Cache;
using CiteLsp.Core.Search;

namespace CiteLsp.Tests.Bibliography.Cache;

/// <summary>The cache's string table: every distinct string once, read back on all cores, damage rejected.</summary>
public class StringTableTests
{
    private static byte[] Written(StringTable table)
    {
        var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true)) table.Write(w);
        return stream.ToArray();
    }

    [Theory]
    [InlineData(3)]
    [InlineData(20_000)] // big enough to be decoded in parts
    public void Strings_round_trip_by_id_and_repeats_share_one_id(int count)
    {
        var table = new StringTable();
        var strings = Enumerable.Range(0, count).Select(i => (i % 3) switch { 0 => "", 1 => $"Gödel {i} 😀 ß", _ => $"key{i}" }).ToList();
        var ids = strings.Select(table.Id).ToList();
        Assert.Equal(ids, strings.Select(table.Id)); // asked again: same ids
        Assert.Equal(-1, table.OptionalId(null));

        var read = StringTable.Read(new BlockReader(new MemoryStream(Written(table))));
        Assert.Equal(strings, ids.Select(id => StringTable.At(read, id)));
        Assert.Equal(strings.Distinct(StringComparer.Ordinal).Count(), read.Length);
        Assert.Null(StringTable.OptionalAt(read, -1));
    }

    [Fact]
    public void An_index_outside_the_table_is_damage()
    {
        var table = new StringTable();
        table.Id("a");
        var read = StringTable.Read(new BlockReader(new MemoryStream(Written(table))));
        Assert.Throws<InvalidDataException>(() => StringTable.At(read, 1));
        Assert.Throws<InvalidDataException>(() => StringTable.At(read, -1));
        Assert.Throws<InvalidDataException>(() => StringTable.OptionalAt(read, -2));
    }

    [Fact]
    public void Offsets_that_go_backwards_or_past_the_blob_are_damage()
    {
        var table = new StringTable();
        foreach (var s in (string[])["alpha", "beta", "gamma"]) table.Id(s);
        var bytes = Written(table);
        var offsets = MemoryMarshal.Cast<byte, int>(bytes.AsSpan(4, 4 * 4)); // count, then 4 offsets: 0 5 9 14

        var backwards = (byte[])bytes.Clone();
        MemoryMarshal.Cast<byte, int>(backwards.AsSpan(4, 16))[2] = 2;
        Assert.Throws<InvalidDataException>(() => StringTable.Read(new BlockReader(new MemoryStream(backwards))));

        var past = (byte[])bytes.Clone();
        MemoryMarshal.Cast<byte, int>(past.AsSpan(4, 16))[3] = offsets[3] + 1;
        Assert.Throws<InvalidDataException>(() => StringTable.Read(new BlockReader(new MemoryStream(past))));

        Assert.Throws<InvalidDataException>(() => StringTable.Read(new BlockReader(new MemoryStream(bytes[..^2])))); // blob cut short
    }
}
