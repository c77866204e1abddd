using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Generation;

/// <summary>How a generated app's synth must fail when a required value is missing: as a person reads it in a terminal.</summary>
internal static class SynthFailure
{
    /// <summary>
    /// Non-zero exit, not the runtime's abort code (134); exactly one line of stderr names <paramref name="key"/>,
    /// as the CDK CLI prints an error annotation ("ERROR The plan requires KEY ..."); no .NET exception and no stack trace
    /// (.NET or JavaScript) anywhere.
    /// </summary>
    public static void AssertOneLineNaming(string key, ProcessResult run)
    {
        Assert.NotEqual(0, run.ExitCode);
        Assert.NotEqual(134, run.ExitCode);
        var naming = run.Stderr.Split('\n').Where(l => l.Contains(key, StringComparison.Ordinal)).ToList();
        Assert.True(naming.Count == 1, $"expected one line naming {key}:\n{run}");
        Assert.StartsWith("ERROR The plan requires " + key, naming[0].TrimStart(), StringComparison.Ordinal);
        Assert.DoesNotContain(key, run.Stdout, StringComparison.Ordinal);
        foreach (var text in new[] { run.Stdout, run.Stderr })
        {
            Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Unhandled", text, StringComparison.Ordinal);
            Assert.DoesNotMatch(@"(?m)^\s+at \S+\(", text);
            Assert.DoesNotMatch(@"\.js:\d+:\d+", text);
        }
    }
}
