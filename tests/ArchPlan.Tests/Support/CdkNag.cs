using System.Text.Json;

namespace ArchPlan.Tests.Support;

/// <summary>One finding of cdk-nag's AwsSolutions pack on a template, as tests/nag/nag.js reports it.</summary>
public sealed record NagFinding(string File, string Rule, string Level, string Resource, string Type, bool Suppressed, string Reason, string Info)
{
    public bool IsOpenError => Level == "error" && !Suppressed;

    public override string ToString() =>
        $"{Rule} on {Resource} ({Type}): {(Suppressed ? "acknowledged: " + Reason : Level + ": " + Info)}";
}

/// <summary>
/// Runs the repository's cdk-nag harness (tests/nag/nag.js: npm cdk-nag's AwsSolutionsChecks over templates included with
/// CfnInclude) in ONE node process for any number of templates. Node or the npm packages missing, or a template the
/// harness cannot read, throws: the tests that need it fail, none is skipped.
/// </summary>
internal static class CdkNag
{
    public static string Harness => Path.Combine(RepoPaths.Root, "tests", "nag", "nag.js");

    /// <summary>Every finding on each of <paramref name="templates"/>, by template path.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<NagFinding>> Review(IReadOnlyCollection<string> templates)
    {
        if (!Directory.Exists(Path.Combine(RepoPaths.Root, "node_modules", "cdk-nag")))
        {
            throw new InvalidOperationException("cdk-nag is not installed (node_modules/cdk-nag): run 'npm ci' at the repository root, as .ci/run does.");
        }
        var run = Processes.Run("node", [Harness, .. templates], RepoPaths.Root, Processes.CdkEnvironment, TimeSpan.FromMinutes(10));
        if (run.ExitCode is not (0 or 1))
        {
            throw new InvalidOperationException("The cdk-nag harness failed:\n" + run);
        }
        using var report = JsonDocument.Parse(run.Stdout);
        var result = new Dictionary<string, IReadOnlyList<NagFinding>>(StringComparer.Ordinal);
        foreach (var template in report.RootElement.GetProperty("templates").EnumerateArray())
        {
            var file = template.GetProperty("file").GetString()!;
            result[file] = [.. template.GetProperty("findings").EnumerateArray().Select(f => new NagFinding(
                file,
                f.GetProperty("rule").GetString()!,
                f.GetProperty("level").GetString()!,
                f.GetProperty("resource").GetString()!,
                f.GetProperty("type").GetString()!,
                f.GetProperty("suppressed").GetBoolean(),
                f.TryGetProperty("reason", out var reason) ? reason.GetString()! : "",
                f.GetProperty("info").GetString()!))];
        }
        if (result.Count != templates.Count)
        {
            throw new InvalidOperationException($"The cdk-nag harness reviewed {result.Count} of {templates.Count} templates:\n{run}");
        }
        return result;
    }
}
