using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using Newtonsoft.Json.Linq;
using Range = CiteLsp.Server.Protocol.Range;

namespace CiteLsp.Tests.Server.Lsp;

public class LspFormatterTests
{
    private static readonly Range Somewhere = new(new Position(4, 1), new Position(4, 9));

    public static TheoryData<object> Values() =>
    [
        new List<DocumentSymbol> { new("smith2020", 5, Somewhere, Somewhere) { Detail = "Deep Learning" }, new("bare", 5, Somewhere, Somewhere) },
        // Dictionary keys are data (URIs here): their case stays.
        new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { ["file:///Paper/Main.tex"] = [new TextEdit(Somewhere, "\\cite{Knuth84}")] }),
    ];

    [Theory]
    [MemberData(nameof(Values))]
    public void Raw_writes_what_the_connection_s_own_serializer_would(object value)
    {
        var expected = JToken.FromObject(value, LspFormatter.Create().JsonSerializer);
        var raw = JToken.Parse(LspFormatter.Raw(value).ToString());
        Assert.True(JToken.DeepEquals(expected, raw), $"{expected}\n!=\n{raw}");
        Assert.DoesNotContain("null", raw.ToString()); // optional values left out, not written as null
    }
}
