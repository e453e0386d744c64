using CiteLsp.Core.Text;
using CiteLsp.Server.Protocol;

namespace CiteLsp.Tests.Server.Protocol;

public class PositionConverterTests
{
    // Offsets: a0 😀1-2 b3 e4 ◌́5 \r6 \n7 x8
    private const string Text = "a😀be\u0301\r\nx";
    private static readonly LineIndex Lines = new(Text);

    [Theory]
    [InlineData("utf-16", 3, 3)]
    [InlineData("utf-8", 3, 5)]
    [InlineData("utf-32", 3, 2)]
    [InlineData("utf-16", 6, 6)]
    [InlineData("utf-8", 6, 9)]   // a1 😀4 b1 e1 ◌́2
    [InlineData("utf-32", 6, 5)]  // the combining accent is its own code point
    public void Offset_to_position_counts_units_of_the_encoding(string encoding, int offset, int character)
    {
        var converter = new PositionConverter(encoding);
        Assert.Equal(new Position(0, character), converter.ToPosition(Text, Lines, offset));
        Assert.Equal(offset, converter.ToOffset(Text, Lines, new Position(0, character)));
    }

    [Fact]
    public void Second_line_starts_after_crlf()
    {
        Assert.Equal(new Position(1, 1), PositionConverter.Utf16.ToPosition(Text, Lines, 9));
        Assert.Equal(8, PositionConverter.Utf16.ToOffset(Text, Lines, new Position(1, 0)));
    }

    [Fact]
    public void Past_the_line_end_clamps_before_the_line_break()
    {
        Assert.Equal(6, PositionConverter.Utf16.ToOffset(Text, Lines, new Position(0, 100)));
        Assert.Equal(9, PositionConverter.Utf16.ToOffset(Text, Lines, new Position(1, 100)));
    }

    [Fact]
    public void Inside_a_surrogate_pair_rounds_down()
    {
        Assert.Equal(1, PositionConverter.Utf16.ToOffset(Text, Lines, new Position(0, 2)));
        Assert.Equal(1, new PositionConverter("utf-8").ToOffset(Text, Lines, new Position(0, 3)));
    }

    [Fact]
    public void Lines_past_the_end_are_out_of_range_except_the_end_position()
    {
        Assert.Equal(Text.Length, PositionConverter.Utf16.ToOffset(Text, Lines, new Position(2, 0)));
        Assert.Null(PositionConverter.Utf16.ToOffset(Text, Lines, new Position(2, 1)));
        Assert.Null(PositionConverter.Utf16.ToOffset(Text, Lines, new Position(3, 0)));
        Assert.Null(PositionConverter.Utf16.ToOffset(Text, Lines, new Position(-1, 0)));
    }

    [Theory]
    [InlineData(null, "utf-16")]
    [InlineData(new[] { "utf-8" }, "utf-8")]
    [InlineData(new[] { "utf-32", "utf-8" }, "utf-32")]
    [InlineData(new[] { "latin-1" }, "utf-16")]
    public void Negotiation_takes_the_first_supported_preference(string[]? offered, string expected) =>
        Assert.Equal(expected, PositionEncoding.Negotiate(offered));
}
