namespace ArchPlan.Kinds.Lambda;

/// <summary>What AWS has announced about a managed Lambda runtime's end: the day it is deprecated, and from when creating or updating functions on it is blocked (null when not announced or not known here).</summary>
internal sealed record RuntimeLifecycle(string Runtime, DateOnly Deprecated, DateOnly? CreateBlocked, DateOnly? UpdateBlocked, string Source);

/// <summary>
/// The one table of Lambda runtime deprecation dates ArchPlan knows (docs/runtimes.md says where each date comes
/// from and how to update it). <c>check</c> warns about a planned runtime that is deprecated, or will be within
/// <see cref="WarningWindowDays"/> days; <c>generate</c> still writes the runtime the plan names.
/// </summary>
internal static class LambdaRuntimes
{
    /// <summary>A runtime deprecated within this many days from today is warned about ahead of time (about six months: one planning cycle).</summary>
    public const int WarningWindowDays = 180;

    private const string AgentCore = "https://docs.amazonaws.cn/en_us/bedrock-agentcore/latest/devguide/runtime-code-deploy-supported-runtimes.md";
    private const string EndOfLife = "https://endoflife.date/aws-lambda";
    private const string Issue12 = "issue 12";
    private const string TfLint969 = "https://github.com/terraform-linters/tflint-ruleset-aws/pull/969";
    private const string DotnetDates = "https://dev.to/endoflifeai/aws-lambda-net-5-6-and-8-every-deprecation-date-2k83";

    private static readonly Dictionary<string, RuntimeLifecycle> Table = new RuntimeLifecycle[]
    {
        new("nodejs18.x", new(2025, 9, 1), null, null, TfLint969),
        new("nodejs20.x", new(2026, 4, 30), new(2027, 7, 29), null, Issue12),
        new("nodejs22.x", new(2027, 4, 30), null, null, EndOfLife),
        new("nodejs24.x", new(2028, 4, 30), null, null, EndOfLife),
        new("python3.9", new(2025, 12, 15), null, null, TfLint969),
        new("python3.10", new(2026, 6, 30), null, null, AgentCore),
        new("python3.11", new(2026, 6, 30), null, null, AgentCore),
        new("python3.12", new(2028, 10, 31), null, null, AgentCore),
        new("python3.13", new(2029, 6, 30), null, null, EndOfLife),
        new("python3.14", new(2029, 6, 30), null, null, EndOfLife),
        new("dotnet8", new(2026, 11, 10), new(2027, 2, 1), new(2027, 3, 3), DotnetDates),
        new("dotnet10", new(2028, 11, 14), null, null, EndOfLife),
        new("ruby3.3", new(2027, 3, 31), null, null, EndOfLife),
        new("ruby3.4", new(2028, 3, 31), null, null, EndOfLife),
        new("java25", new(2029, 6, 30), null, null, EndOfLife),
    }.ToDictionary(r => r.Runtime, StringComparer.Ordinal);

    /// <summary>The version ArchPlan uses when a plan names only the language (the generator and the checker both ask here).</summary>
    public static readonly IReadOnlyDictionary<string, string> LatestOfFamily = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["python"] = "python3.15", ["nodejs"] = "nodejs24.x", ["java"] = "java25", ["dotnet"] = "dotnet10", ["ruby"] = "ruby4.0",
    };

    /// <summary>Every runtime in the table, for tests and docs.</summary>
    public static IEnumerable<RuntimeLifecycle> All => Table.Values;

    /// <summary>The runtime identifier a plan's runtime words stand for (a family alone is its default version).</summary>
    public static string Resolve(string runtime)
    {
        var trimmed = runtime.Trim().ToLowerInvariant();
        return LatestOfFamily.GetValueOrDefault(trimmed) ?? trimmed;
    }

    /// <summary>The lifecycle to warn about on <paramref name="today"/>: deprecated already, or within the window; else null.</summary>
    public static RuntimeLifecycle? Warning(string runtime, DateOnly today) =>
        Table.TryGetValue(Resolve(runtime), out var lifecycle) && lifecycle.Deprecated <= today.AddDays(WarningWindowDays) ? lifecycle : null;
}
