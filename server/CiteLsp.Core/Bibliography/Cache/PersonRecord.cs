namespace CiteLsp.Core.Bibliography.Cache;

/// <summary>A distinct <see cref="Person"/> in a cache payload, as string-table indexes (Literal -1 when null).</summary>
internal readonly record struct PersonRecord(int Family, int Given, int Literal, int Suffix);
