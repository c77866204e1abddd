namespace ArchPlan.Generation.Output;

/// <summary>One file's action, with a unified diff of old and new content on dry runs.</summary>
/// <param name="RelativePath">The path relative to the output root, with '/' separators.</param>
/// <param name="Action">What happens to the file.</param>
/// <param name="Diff">Unified diff (old on disk → new) on dry runs for actions that change content; otherwise null.</param>
public sealed record FileChange(string RelativePath, FileAction Action, string? Diff);
