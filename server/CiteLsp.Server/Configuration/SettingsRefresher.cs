using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using Newtonsoft.Json.Linq;

namespace CiteLsp.Server.Configuration;

/// <summary>
/// Gets the current <c>citelsp</c> settings: pulled with workspace/configuration when the client supports it,
/// else taken from what didChangeConfiguration pushed. Applies them and asks the catalogs to resync.
/// </summary>
internal sealed class SettingsRefresher(Session session)
{
    private static readonly TimeSpan PullTimeout = TimeSpan.FromSeconds(10);
    private int _generation;

    public async Task RefreshAsync(JToken? pushed)
    {
        var generation = Interlocked.Increment(ref _generation);
        JToken? section;
        var pulled = false;
        if (session.Client.Workspace?.Configuration == true)
        {
            try
            {
                // A client that never answers must not keep the catalogs from loading.
                var results = await session.Rpc.InvokeWithParameterObjectAsync<JToken?[]?>(
                    Methods.WorkspaceConfiguration, new ConfigurationParams([new ConfigurationItem(null, "citelsp")])).WaitAsync(PullTimeout);
                section = results is { Length: > 0 } ? results[0] : null;
                // No citelsp section in the editor's settings: initializationOptions (if any) still apply.
                if (section is null or { Type: JTokenType.Null }) section = session.InitializationSettings;
                pulled = true;
            }
            catch (Exception ex)
            {
                session.Log.Warning($"workspace/configuration failed: {ex.Message}");
                section = SettingsParser.Section(pushed);
            }
        }
        else
        {
            section = SettingsParser.Section(pushed);
        }
        if (section is null && !pulled)
        {
            // Nothing new to apply (a push without our section, or a failed pull): keep the settings, still (re)load.
            session.Catalogs.RequestSync();
            return;
        }
        // A newer refresh started while this one waited for the client: let it win.
        if (generation != Volatile.Read(ref _generation)) return;
        var settings = SettingsParser.Parse(section, session.Log.Warning);
        session.State.Update(s => s with { Settings = settings });
        session.Log.Debug("settings updated");
        session.Catalogs.RequestSync();
    }
}
