using System.Collections.Concurrent;
using CiteLsp.Core.Text;
using CiteLsp.Server.Catalogs;
using CiteLsp.Server.Lsp;
using CiteLsp.Server.Protocol;
using CiteLsp.Server.State;
using StreamJsonRpc;

namespace CiteLsp.Server.Handlers;

/// <summary>
/// workspace/executeCommand. citelsp.addToBibliography [uri, key]: a library entry was accepted in completion;
/// ask the client to append it to the document's bibliography file (the server never writes files itself).
/// </summary>
internal sealed class ExecuteCommandHandler(Session session)
{
    /// <summary>(file, key) recently sent: a second acceptance before the catalog reloads must not add a duplicate.</summary>
    private readonly ConcurrentDictionary<(string Path, string Key), DateTime> _sent = new();

    [JsonRpcMethod(Methods.WorkspaceExecuteCommand, UseSingleObjectParameterDeserialization = true)]
    public async Task<object?> ExecuteAsync(ExecuteCommandParams request, CancellationToken cancellationToken)
    {
        session.RequireRunning();
        var command = Params.Require(Params.Require(request, "params").Command, "command");
        if (command != ServerCommands.AddToBibliography)
            throw new LocalRpcException($"unknown command '{command}'") { ErrorCode = ErrorCodes.InvalidParams };
        var args = request.Arguments ?? [];
        if (args.Count < 2 || args[0].ToString() is not { Length: > 0 } uri || args[1].ToString() is not { Length: > 0 } key)
            throw new LocalRpcException($"{command} needs [documentUri, key]") { ErrorCode = ErrorCodes.InvalidParams };
        await AddToBibliographyAsync(uri, key, cancellationToken);
        return null;
    }

    private async Task AddToBibliographyAsync(string uri, string key, CancellationToken cancellationToken)
    {
        var snapshot = session.State.Current;
        if (!snapshot.Settings.CompletionAddToBibliography || DocumentContext.Get(snapshot, uri) is not { } doc) return;
        var view = doc.Catalogs;
        if (view.Bibliography.Find(key) is not null || view.Library.Find(key) is not { } entry) return;
        if (AppendTarget.PathFor(view, doc.Kind) is not { } path) return;
        var now = DateTime.UtcNow;
        if (_sent.TryGetValue((path, key), out var at) && now - at < TimeSpan.FromSeconds(10)) return;

        var fileUri = DocumentUri.FromPath(path);
        var open = snapshot.Documents.Values.FirstOrDefault(d => d.Path == path);
        string text;
        try { text = open?.Text ?? (File.Exists(path) ? await File.ReadAllTextAsync(path, cancellationToken) : ""); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            session.Log.Warning($"cannot read {path} to add '{key}': {ex.Message}");
            return;
        }
        // Null when the file already has the key (as bibtex compares keys) or has no safe place for an entry.
        if (new Core.Fixes.BibliographyTarget(path, text, Core.Fixes.BibliographyTarget.FormatOf(path)).Append(entry) is not { } append)
        {
            session.Log.Warning($"'{key}' was not added to {path}: it is there already or the file has no list of entries");
            return;
        }
        var lines = open?.Lines ?? new LineIndex(text);
        var edits = append.Edits.Select(e => new TextEdit(session.Positions.ToRange(text, lines, e.Span.Start, e.Span.Length), e.NewText)).ToList();
        var edit = new WorkspaceEdit(new Dictionary<string, IReadOnlyList<TextEdit>> { [open?.Uri ?? fileUri] = edits });
        _sent[(path, key)] = now;
        var result = await session.Rpc.InvokeWithParameterObjectAsync<ApplyWorkspaceEditResult>(
            Methods.WorkspaceApplyEdit, new ApplyWorkspaceEditParams(edit, $"Add {key} to {Path.GetFileName(path)}"), cancellationToken);
        if (result?.Applied != true) session.Log.Warning($"the editor did not add '{key}' to {path}: {result?.FailureReason ?? "no reason given"}");
    }
}
