namespace CiteLsp.Core.Search;

/// <summary>Which field of an entry a term came from; fits in 3 bits, lower code = heavier weight (dedupe keeps the lowest).</summary>
internal enum PostingField : byte
{
    FirstAuthor = 0,
    KeyPart = 1,
    Author = 2,
    Title = 3,
    Year = 4,
    Given = 5,
    Venue = 6,
    Abstract = 7,
}

/// <summary>Field weights: key and first author above other authors above title words above year/venue above abstract.</summary>
internal static class FieldWeights
{
    public const float WholeKey = 1.0f;

    public static readonly float[] Of = [1.0f, 0.9f, 0.8f, 0.7f, 0.6f, 0.5f, 0.45f, 0.2f];
}
