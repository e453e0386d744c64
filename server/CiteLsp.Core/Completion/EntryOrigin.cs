namespace CiteLsp.Core.Completion;

/// <summary>Where an offered entry comes from: the document's own bibliography, or the writer's library.</summary>
public enum EntryOrigin { Bibliography, Library }
