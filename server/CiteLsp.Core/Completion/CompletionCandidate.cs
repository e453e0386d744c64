using CiteLsp.Core.Bibliography;

namespace CiteLsp.Core.Completion;

/// <summary>
/// One proposed key, in rank order. A library candidate is never in the document's bibliography (those are
/// offered as bibliography candidates), so accepting it means adding the entry there.
/// </summary>
public sealed record CompletionCandidate(Entry Entry, EntryOrigin Origin, double Score, bool CitedInCommand);
