using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;

namespace CiteLsp.Server.Handlers;

/// <summary>
/// Asks the client to re-request inlay hints (workspace/inlayHint/refresh, when it supports that) after the
/// setting is toggled or the catalogs change, since both change which keys get a label.
/// </summary>
internal static class InlayHintRefresher
{
    public static void Attach(Session session) =>
        session.State.Changed += (before, after) =>
        {
            var toggled = before.Settings.InlayHintsEnabled != after.Settings.InlayHintsEnabled;
            var reloaded = after.Settings.InlayHintsEnabled && !ReferenceEquals(before.Catalogs, after.Catalogs);
            if ((toggled || reloaded) && session.IsInitialized && session.Client.Workspace?.InlayHint?.RefreshSupport == true)
                Logger.Observe(session.Rpc.InvokeAsync(Methods.WorkspaceInlayHintRefresh));
        };
}
