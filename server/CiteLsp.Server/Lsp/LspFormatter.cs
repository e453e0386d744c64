using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Newtonsoft.Json.Serialization;
using StreamJsonRpc;

namespace CiteLsp.Server.Lsp;

/// <summary>The JSON settings LSP needs: camelCase properties, null optionals omitted, unknown fields ignored.</summary>
internal static class LspFormatter
{
    // Dictionary keys (URIs, citation keys) are data and must keep their case.
    private static readonly DefaultContractResolver Names = new()
    {
        NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
    };

    /// <summary>The same settings, without the converters StreamJsonRpc adds to its own serializer.</summary>
    private static readonly JsonSerializer Plain = JsonSerializer.Create(new JsonSerializerSettings { ContractResolver = Names, NullValueHandling = NullValueHandling.Ignore });

    public static JsonMessageFormatter Create()
    {
        var formatter = new JsonMessageFormatter();
        formatter.JsonSerializer.ContractResolver = Names;
        formatter.JsonSerializer.NullValueHandling = NullValueHandling.Ignore;
        formatter.JsonSerializer.MissingMemberHandling = MissingMemberHandling.Ignore;
        return formatter;
    }

    /// <summary>
    /// A big result as JSON text, written by the formatter as it is. StreamJsonRpc's serializer asks each of its
    /// converters about every value, and does so while it holds the connection's writer: the 20,000 symbols of a
    /// library's outline took it 1.5-3 s, and every other response waited behind them.
    /// </summary>
    public static JRaw Raw(object value)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Plain.Serialize(text, value);
        return new JRaw(text.ToString());
    }
}
