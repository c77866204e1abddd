namespace ArchPlan.Generation;

/// <summary>Who owns a generated file after it is written.</summary>
public enum FileOwnership
{
    /// <summary>Owned by the generator: rewritten on every run; a hand edit is detected and refused without --force.</summary>
    Generated,

    /// <summary>Created once for people to edit; never overwritten.</summary>
    Scaffold,
}

/// <summary>One file the generator wants to exist, relative to the output root with '/' separators.</summary>
public sealed record GeneratedFile(string RelativePath, string Content, FileOwnership Ownership);
