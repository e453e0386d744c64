using Newtonsoft.Json;

namespace CiteLsp.Server.Protocol;

// Custom messages (CONTRACTS.md "Custom LSP messages").

internal sealed record SearchParams(string Query, int? Limit = null, TextDocumentIdentifier? TextDocument = null);

internal sealed record SearchResult(IReadOnlyList<SearchItem> Items);

internal sealed record SearchItem(string Key, string Title, IReadOnlyList<string> Authors,
    [property: JsonProperty(NullValueHandling = NullValueHandling.Include)] int? Year,
    [property: JsonProperty(NullValueHandling = NullValueHandling.Include)] string? Venue, double Score, string Source, IReadOnlyList<SearchMatch> Matches);

internal sealed record SearchMatch(string Field, int Start, int Length);

internal sealed record BibliographiesParams(TextDocumentIdentifier TextDocument);

internal sealed record BibliographiesResult(IReadOnlyList<BibliographyFile> Files);

internal sealed record BibliographyFile(string Path, string Role, string Reason, int Entries, IReadOnlyList<BibliographyError> Errors);

internal sealed record BibliographyError(string Message, int Line, int Character);

internal sealed record StatusParams(int Entries, int Files, int Errors, string? Message = null);
