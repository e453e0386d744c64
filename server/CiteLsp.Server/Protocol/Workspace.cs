using Newtonsoft.Json.Linq;

namespace CiteLsp.Server.Protocol;

internal sealed record ConfigurationItem(string? ScopeUri, string Section);

internal sealed record ConfigurationParams(IReadOnlyList<ConfigurationItem> Items);

internal sealed record DidChangeConfigurationParams(JToken? Settings);

internal sealed record FileEvent(string Uri, int Type);

internal static class FileChangeType
{
    public const int Created = 1;
    public const int Changed = 2;
    public const int Deleted = 3;
}

internal sealed record DidChangeWatchedFilesParams(IReadOnlyList<FileEvent> Changes);

internal sealed record Registration(string Id, string Method, object? RegisterOptions);

internal sealed record RegistrationParams(IReadOnlyList<Registration> Registrations);

internal sealed record Unregistration(string Id, string Method);

/// <summary>LSP spells this field "unregisterations" (a typo kept for compatibility).</summary>
internal sealed record UnregistrationParams(IReadOnlyList<Unregistration> Unregisterations);

internal sealed record DidChangeWatchedFilesRegistrationOptions(IReadOnlyList<FileSystemWatcherOptions> Watchers);

/// <summary>GlobPattern: a string, or a RelativePattern { baseUri, pattern } (3.17).</summary>
internal sealed record FileSystemWatcherOptions(object GlobPattern, int? Kind = null);

internal sealed record RelativePattern(string BaseUri, string Pattern);
