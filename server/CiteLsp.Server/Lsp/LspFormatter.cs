using Newtonsoft.Json;
using Newtonsoft.Json.Serialization;
using StreamJsonRpc;

namespace CiteLsp.Server.Lsp;

/// <summary>The JSON settings LSP needs: camelCase properties, null optionals omitted, unknown fields ignored.</summary>
internal static class LspFormatter
{
    public static JsonMessageFormatter Create()
    {
        var formatter = new JsonMessageFormatter();
        // Dictionary keys (URIs, citation keys) are data and must keep their case.
        formatter.JsonSerializer.ContractResolver = new DefaultContractResolver
        {
            NamingStrategy = new CamelCaseNamingStrategy { ProcessDictionaryKeys = false, OverrideSpecifiedNames = false },
        };
        formatter.JsonSerializer.NullValueHandling = NullValueHandling.Ignore;
        formatter.JsonSerializer.MissingMemberHandling = MissingMemberHandling.Ignore;
        return formatter;
    }
}
