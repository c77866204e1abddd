using System.Collections.Immutable;

namespace ArchPlan.Generation.Output;

/// <summary>Every file a run touched or would touch, sorted by path, and whether anything was applied.</summary>
/// <param name="Changes">One entry per generated file and per leftover file from the previous run, sorted by path (ordinal).</param>
/// <param name="Written">True when the changes were applied to disk; false on dry runs and on any error.</param>
public sealed record WriteReport(ImmutableArray<FileChange> Changes, bool Written);
