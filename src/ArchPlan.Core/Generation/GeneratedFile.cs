namespace ArchPlan.Generation;

/// <summary>Who owns a generated file, and so whether a later run may overwrite it.</summary>
public enum FileOwnership
{
    /// <summary>Owned by the generator: rewritten on every run.</summary>
    Generated,

    /// <summary>Created once for people to edit: never overwritten.</summary>
    Scaffold,
}

/// <summary>One file of a generated CDK app.</summary>
/// <param name="RelativePath">Path relative to the output root, with '/' separators, e.g. <c>apps/gamehub/infra/cdk/cdk.json</c>.</param>
/// <param name="Content">The file's text: LF line endings, ending with a newline.</param>
/// <param name="Ownership">Whether the generator owns the file or people do.</param>
public sealed record GeneratedFile(string RelativePath, string Content, FileOwnership Ownership);
