using System.Text;

namespace CiteLsp.Fuzz.Engine;

/// <summary>
/// Byte-level havoc mutations (AFL style, without coverage feedback): bit flips, structural characters,
/// dictionary tokens, deletions, duplications, splices of other seeds, huge repeats, invalid UTF-8.
/// Big seeds are cut to a random window so that one execution stays cheap.
/// </summary>
internal sealed class Mutator
{
    private const int WindowMax = 4 * 1024;

    private static readonly string[] CommonTokens =
    [
        "@", "{", "}", "\"", "#", ",", "\\", "%", "$", "[@", "\\cite{", "\0", "=", "(", ")", "[", "]", ";", "-", "~", "'",
        "\r\n", "\r", "\n\n", " ", "\t", "@string{", "@comment{", "@preamble{", "@article{", "@misc(", "crossref = ", "xdata = ",
        " and ", " and others", "{\\\"o}", "\\'", "\\\"{", "\\c{c}", "\\ss ", "--", "---\n", "...\n", "```", "~~~", "<!--", "-->",
        "\\begin{verbatim}", "\\end{verbatim}", "\\iffalse", "\\fi", "\\begin{filecontents}{a.bib}", "\\end{filecontents}",
        "\\nocite{*}", "\\cites", "\\citep[p.~1][]{", "\\bibliography{", "\\addbibresource{", "\\verb|", "`", "-@", "@{", "}]",
        "bibliography: ", "references:\n- id: ", "Content-Length: ", "\r\n\r\n", "{\"jsonrpc\":\"2.0\",", "\"id\":", "\"method\":",
        "\"params\":", "null", "[]", "{}", "\uFEFF", "\u0301", "\u2028", "\u00A0", "😀", "\uFFFD", "Jun 14, 2023", "LGJun 14",
    ];

    private static readonly string[] Numbers =
        ["0", "-1", "1", "2147483647", "2147483648", "-2147483649", "4294967296", "99999999999999999999", "1e308", "-0", "NaN", "0x10", "007"];

    private static readonly byte[][] RawBytes =
    [
        [0xFF], [0xFE], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80], [0xEF, 0xBB, 0xBF],
        FuzzText.LoneHigh, FuzzText.LoneLow,
    ];

    private static readonly byte[] Structural = "@{}\",#\\%$[]()=;: \n\r\t\0-'~`"u8.ToArray();

    private readonly Random _random;
    private readonly IReadOnlyList<byte[]> _seeds;
    private readonly byte[][] _tokens;
    private readonly int _maxBytes;

    public Mutator(Random random, IReadOnlyList<byte[]> seeds, IEnumerable<string> extraTokens, int maxBytes)
    {
        _random = random;
        _seeds = seeds;
        _maxBytes = maxBytes;
        _tokens = CommonTokens.Concat(extraTokens).Select(Encoding.UTF8.GetBytes).Concat(RawBytes).ToArray();
    }

    public byte[] Next()
    {
        var buffer = new List<byte>(Window(Pick()));
        // Some inputs stay unmutated windows of real files: parsers must accept every cut of a real file.
        if (_random.Next(16) == 0) return buffer.ToArray();
        var count = 1 << _random.Next(5);
        for (var i = 0; i < count; i++) Mutate(buffer);
        if (buffer.Count > _maxBytes) buffer.RemoveRange(_maxBytes, buffer.Count - _maxBytes);
        return buffer.ToArray();
    }

    private byte[] Pick() => _seeds[_random.Next(_seeds.Count)];

    private byte[] Window(byte[] seed)
    {
        if (seed.Length <= WindowMax || _random.Next(2000) == 0) return seed;
        var length = _random.Next(256, WindowMax);
        var start = _random.Next(seed.Length - length);
        return seed.AsSpan(start, length).ToArray();
    }

    private void Mutate(List<byte> b)
    {
        var at = b.Count == 0 ? 0 : _random.Next(b.Count + 1);
        switch (_random.Next(14))
        {
            case 0 when b.Count > 0:
                var i = _random.Next(b.Count);
                b[i] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when b.Count > 0:
                b[_random.Next(b.Count)] = (byte)_random.Next(256);
                break;
            case 2 or 3 or 4:
                b.InsertRange(at, _tokens[_random.Next(_tokens.Length)]);
                break;
            case 5 when b.Count > 0:
                b[_random.Next(b.Count)] = Structural[_random.Next(Structural.Length)];
                break;
            case 6 when b.Count > 0:
                var (s, n) = Range(b.Count);
                b.RemoveRange(s, n);
                break;
            case 7 when b.Count > 0:
                var (ds, dn) = Range(b.Count);
                b.InsertRange(at, b.GetRange(ds, dn));
                break;
            case 8:
                var other = Window(Pick());
                if (other.Length == 0) break;
                var (os, on) = Range(other.Length);
                b.InsertRange(at, other.AsSpan(os, on).ToArray());
                break;
            case 9:
                // Cross-over: this input's head, another's tail.
                var tail = Window(Pick());
                var cut = tail.Length == 0 ? 0 : _random.Next(tail.Length);
                b.RemoveRange(at, b.Count - at);
                b.AddRange(tail.AsSpan(cut).ToArray());
                break;
            case 10 when _random.Next(64) == 0:
                Repeat(b, at);
                break;
            case 11 when b.Count > 0:
                b.RemoveRange(at, b.Count - at);
                break;
            case 12:
                b.InsertRange(at, Encoding.ASCII.GetBytes(Numbers[_random.Next(Numbers.Length)]));
                break;
            case 13:
                ReplaceNumber(b);
                break;
        }
    }

    /// <summary>A token or a slice of the input repeated up to the size limit: deep nesting, long lines, many entries.</summary>
    private void Repeat(List<byte> b, int at)
    {
        byte[] unit;
        if (b.Count > 0 && _random.Next(2) == 0)
        {
            var (s, n) = Range(b.Count);
            unit = b.GetRange(s, Math.Min(n, 256)).ToArray();
        }
        else unit = _tokens[_random.Next(_tokens.Length)];
        if (unit.Length == 0) return;
        var times = Math.Min(new[] { 10, 100, 1000, 10_000, 100_000 }[_random.Next(5)], Math.Max(1, (_maxBytes - b.Count) / unit.Length));
        var block = new byte[unit.Length * times];
        for (var k = 0; k < times; k++) unit.CopyTo(block, k * unit.Length);
        b.InsertRange(at, block);
    }

    /// <summary>Replaces a run of digits (a Content-Length, a year, a line count) with an interesting number.</summary>
    private void ReplaceNumber(List<byte> b)
    {
        if (b.Count == 0) return;
        var start = _random.Next(b.Count);
        var k = start;
        while (k < b.Count && !char.IsAsciiDigit((char)b[k])) k++;
        if (k == b.Count) return;
        var end = k;
        while (end < b.Count && char.IsAsciiDigit((char)b[end])) end++;
        b.RemoveRange(k, end - k);
        b.InsertRange(k, Encoding.ASCII.GetBytes(Numbers[_random.Next(Numbers.Length)]));
    }

    /// <summary>A random range, usually short.</summary>
    private (int Start, int Length) Range(int count)
    {
        var max = _random.Next(4) == 0 ? count : Math.Min(count, 32);
        var length = 1 + _random.Next(max);
        return (_random.Next(count - length + 1), length);
    }
}
