namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>A <see cref="CatalogDiagnostic"/> in a cache payload: code and message as string-table indexes.</summary>
internal readonly record struct DiagnosticRecord(int Severity, int Code, int Message, int Start, int Length, int HasRelated, int RelatedStart, int RelatedLength);
