using Newtonsoft.Json.Linq;
using StreamJsonRpc;

namespace CiteLsp.LspBench;

/// <summary>The client side of what the server sends: the first citelsp/status after loading ends the wait.</summary>
internal sealed class ClientTarget(TaskCompletionSource<JObject> loaded)
{
    [JsonRpcMethod("citelsp/status", UseSingleObjectParameterDeserialization = true)]
    public void Status(JObject status) => loaded.TrySetResult(status);

    [JsonRpcMethod("window/logMessage", UseSingleObjectParameterDeserialization = true)]
    public void Log(JObject message) { }

    [JsonRpcMethod("client/registerCapability", UseSingleObjectParameterDeserialization = true)]
    public void Register(JObject registration) { }
}
