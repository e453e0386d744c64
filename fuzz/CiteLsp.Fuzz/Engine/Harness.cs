namespace CiteLsp.Fuzz.Engine;

/// <summary>One fuzz target: runs an input and throws when the code under test fails or a property breaks.</summary>
internal abstract class Harness
{
    public abstract string Name { get; }
    public abstract string Description { get; }

    /// <summary>File name endings (lower case, with dot) of the corpus files that seed this harness.</summary>
    public abstract IReadOnlyList<string> SeedExtensions { get; }

    /// <summary>Seeds built in code (e.g. well-formed protocol streams), added to the corpus files.</summary>
    public virtual IEnumerable<byte[]> ExtraSeeds => [];

    /// <summary>Tokens worth inserting for this target, on top of the common dictionary.</summary>
    public virtual IReadOnlyList<string> Tokens => [];

    public abstract void Run(byte[] input);
}
