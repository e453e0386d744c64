using System.Reflection;
using CiteLsp.Server.Configuration;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

internal sealed class InitializeHandler(Session session)
{
    [JsonRpcMethod(Methods.Initialize, UseSingleObjectParameterDeserialization = true)]
    public InitializeResult Initialize(InitializeParams request)
    {
        if (session.IsInitialized) throw new LocalRpcException("initialize was already received") { ErrorCode = ErrorCodes.InvalidRequest };
        session.Client = request.Capabilities;
        var encoding = PositionEncoding.Negotiate(request.Capabilities.General?.PositionEncodings);
        session.Positions = new PositionConverter(encoding);
        session.Log.Trace = request.Trace ?? "off";

        var folders = (request.WorkspaceFolders?.Select(f => f.Uri) ?? [request.RootUri]).OfType<string>().Select(DocumentUri.ToPath).ToList();
        if (folders.Count == 0 && request.RootPath is { } rootPath) folders.Add(rootPath);
        session.InitializationSettings = SettingsParser.Section(request.InitializationOptions) ?? request.InitializationOptions;
        var settings = SettingsParser.Parse(session.InitializationSettings, session.Log.Warning);
        session.State.Update(s => s with { WorkspaceFolders = folders, Settings = settings });
        session.IsInitialized = true;
        session.Catalogs.Prefetch();
        // Logged by the initialized handler: any output before this response (stderr or window/logMessage) makes
        // Emacs' Eglot stop its synchronous wait (accept-process-output returns) and report "waiting in background".
        session.ClientDescription = $"{request.ClientInfo?.Name ?? "an unnamed client"}: position encoding {encoding}, {folders.Count} workspace folder(s)";

        var version = typeof(InitializeHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        return new InitializeResult(new ServerCapabilities { PositionEncoding = encoding }, new ServerInfo("citelsp", version));
    }
}
