namespace ArchPlan.Generation.Output;

/// <summary>How <see cref="OutputWriter"/> applies generated files.</summary>
/// <param name="DryRun">Compute every change, with diffs, and touch nothing on disk.</param>
/// <param name="Force">Overwrite generated files that were edited by hand (scaffold files are still never overwritten).</param>
public sealed record WriteOptions(bool DryRun = false, bool Force = false);
