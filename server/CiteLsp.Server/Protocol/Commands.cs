using Newtonsoft.Json.Linq;

namespace CiteLsp.Server.Protocol;

internal sealed record ExecuteCommandParams(string Command, IReadOnlyList<JToken>? Arguments = null);

internal sealed record ExecuteCommandOptions(IReadOnlyList<string> Commands);

/// <summary>Commands the server executes (workspace/executeCommand); clients show none of them in a palette.</summary>
internal static class ServerCommands
{
    /// <summary>Arguments: [documentUri, key]. Appends the library entry to the document's bibliography file.</summary>
    public const string AddToBibliography = "citelsp.addToBibliography";
}

internal sealed record WorkspaceEdit(IReadOnlyDictionary<string, IReadOnlyList<TextEdit>> Changes);

internal sealed record ApplyWorkspaceEditParams(WorkspaceEdit Edit, string? Label = null);

internal sealed record ApplyWorkspaceEditResult(bool Applied, string? FailureReason = null);
