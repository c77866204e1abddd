using ArchPlan.Tests.EndToEnd;
using ArchPlan.Tests.Generation;

namespace ArchPlan.Tests.Support;

/// <summary>
/// The one CDK app of a test run: every generated app the tests synthesize (<see cref="CdkAppFixture"/>'s and the round
/// trip's, <see cref="RoundTripFixture"/>) as stages of one app, built once and synthesized once by the real CDK CLI.
/// Made on first use by whichever fixture comes first; a failure (no CLI, a build or synth error) is kept and rethrown
/// to every fixture, so every test that needs the app fails, none is skipped.
/// </summary>
internal static class TestRunBatch
{
    private static readonly Lazy<Run> Instance = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>What the run built: the batch app and what each fixture put in it.</summary>
    public sealed record Run(string Root, BatchCdkApp Batch, RoundTripSelection RoundTrip, CdkAppEntries CdkApps);

    public static Run Get() => Instance.Value;

    private static Run Create()
    {
        var root = Path.Combine(Path.GetTempPath(), "archplan-test-run-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(root);
        if (Environment.GetEnvironmentVariable("ARCHPLAN_KEEP_TEST_APPS") != "1")
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
            {
                try
                {
                    Directory.Delete(root, recursive: true);
                }
                catch (IOException)
                {
                    // Best effort: a leftover temp folder is harmless.
                }
            };
        }
        var cdkApps = CdkAppFixture.Entries(Path.Combine(root, "apps"));
        var roundTrip = RoundTripFixture.Select(Path.Combine(root, "plans"));
        var batch = BatchCdkApp.Create(Path.Combine(root, "batch"), [.. cdkApps.Entries, .. roundTrip.Entries]);
        return new Run(root, batch, roundTrip, cdkApps);
    }
}
