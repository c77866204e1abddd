namespace ArchPlan.Generation.Output;

/// <summary>How <see cref="OutputWriter"/> applies generated files.</summary>
/// <param name="DryRun">Compute every change, with diffs, and touch nothing on disk.</param>
/// <param name="Force">Overwrite generated files that were edited by hand (scaffold files are still never overwritten).</param>
public sealed record WriteOptions(bool DryRun = false, bool Force = false)
{
    /// <summary>
    /// The stack class and construct id the files were generated with, recorded in the manifest. A run whose stack
    /// differs from the recorded one is refused (AP3125); null keeps whatever the manifest records.
    /// </summary>
    public StackIdentity? Stack { get; init; }

    /// <summary>
    /// Whether a leftover file, by its path relative to <c>apps/&lt;product&gt;/infra/cdk/</c>, is of a kind the generator
    /// writes (see <see cref="CdkAppGenerator.IsGeneratedPath"/>); a leftover it rejects is kept (AP3124). Null accepts
    /// any file inside the app folder.
    /// </summary>
    public Func<string, bool>? MayRemove { get; init; }
}
