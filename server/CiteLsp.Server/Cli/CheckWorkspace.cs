using System.Collections.Immutable;
using CiteLsp.Core.Configuration;
using CiteLsp.Core.Text;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.State;

namespace CiteLsp.Server.Cli;

/// <summary>
/// The workspace snapshot `citelsp check` analyses: the files as open documents and the settings from the command
/// line, then one pass of the server's own catalog manager (bibliography discovery and loading), so CI sees
/// exactly what the editor sees.
/// </summary>
internal static class CheckWorkspace
{
    public static WorkspaceSnapshot Build(IReadOnlyList<string> files, CiteLspSettings settings, string folder)
    {
        var documents = ImmutableDictionary.CreateBuilder<string, TextDocument>(StringComparer.Ordinal);
        foreach (var path in files)
        {
            var uri = Protocol.DocumentUri.FromPath(path);
            documents[uri] = new TextDocument(uri, path, "", 1, File.ReadAllText(path));
        }
        var state = new WorkspaceState();
        state.Update(s => s with { Documents = documents.ToImmutable(), Settings = settings, WorkspaceFolders = [folder] });
        using var manager = new CatalogManager(state, new Logger(TextWriter.Null), _ => Task.CompletedTask);
        manager.SyncOnceAsync().GetAwaiter().GetResult();
        return state.Current;
    }
}
