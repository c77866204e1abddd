using System.Text.Json;
using ArchPlan.Tests.Support;

namespace ArchPlan.Tests.Fidelity;

/// <summary>A variable a correct reader finds (expected.json).</summary>
internal sealed record ExpectedVariable(
    string Name,
    int Line,
    string ValueKind,
    string? Value,
    IReadOnlyDictionary<string, string> PerEnvironment,
    IReadOnlyList<string> Scope,
    IReadOnlyList<string> Aliases);

/// <summary>A build-time variable a correct reader finds.</summary>
internal sealed record ExpectedBuildTimeVariable(string Name, int Line);

/// <summary>A secret a correct reader finds; <see cref="Environment"/> for per-environment secrets tables.</summary>
internal sealed record ExpectedSecret(string Name, int Line, string? Environment);

/// <summary>A resource a correct reader finds (<see cref="Kind"/> is a ResourceKind name).</summary>
internal sealed record ExpectedResource(string Kind, string Name, int Line);

/// <summary>A table that looks like configuration but is not.</summary>
internal sealed record NotConfiguration(int Line, string Why);

/// <summary>One planted difference between the plan and its infrastructure (drift.json).</summary>
internal sealed record ExpectedFinding(string Kind, string Subject);

/// <summary>What a correct reader finds in one fixture's plan.md.</summary>
internal sealed record Expected(
    IReadOnlyList<ExpectedVariable> Variables,
    IReadOnlyList<ExpectedBuildTimeVariable> BuildTimeVariables,
    IReadOnlyList<ExpectedSecret> Secrets,
    IReadOnlyList<ExpectedResource> Resources,
    IReadOnlyList<NotConfiguration> NotConfiguration);

/// <summary>The drift planted in a fixture, and what to diff the plan against.</summary>
internal sealed record Drift(string Against, string? Stack, IReadOnlyList<ExpectedFinding> Findings);

/// <summary>One folder of tests/ArchPlan.Tests/TestFiles/realworld (format: its README.md).</summary>
internal sealed record RealWorldFixture(string Name, string Folder, Expected Expected, Drift? Drift)
{
    public string PlanPath => Path.Combine(Folder, "plan.md");

    public override string ToString() => Name;
}

/// <summary>Loads the real-world corpus: every NN-name folder with a plan.md.</summary>
internal static class RealWorldCorpus
{
    public static string Folder => Path.Combine(RepoPaths.TestFiles, "realworld");

    private static readonly Lazy<IReadOnlyList<RealWorldFixture>> All = new(() =>
        [.. Directory.EnumerateDirectories(Folder)
            .Where(d => Path.GetFileName(d) is [>= '0' and <= '9', >= '0' and <= '9', '-', ..])
            .Order(StringComparer.Ordinal)
            .Select(Load)]);

    public static IReadOnlyList<RealWorldFixture> Fixtures => All.Value;

    public static RealWorldFixture Load(string folder)
    {
        var name = Path.GetFileName(folder);
        var expectedPath = Path.Combine(folder, "expected.json");
        if (!File.Exists(Path.Combine(folder, "plan.md")) || !File.Exists(expectedPath))
        {
            throw new InvalidOperationException($"{name}: a fixture needs plan.md and expected.json (see realworld/README.md)");
        }
        using var expected = JsonDocument.Parse(File.ReadAllText(expectedPath));
        var root = expected.RootElement;
        var driftPath = Path.Combine(folder, "drift.json");
        Drift? drift = null;
        if (File.Exists(driftPath))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(driftPath));
            var d = document.RootElement;
            drift = new Drift(
                String(d, "against") ?? throw new InvalidOperationException($"{name}: drift.json has no 'against'"),
                String(d, "stack"),
                [.. Array(d, "findings").Select(f => new ExpectedFinding(String(f, "kind")!, String(f, "subject")!))]);
        }
        return new RealWorldFixture(
            name,
            folder,
            new Expected(
                [.. Array(root, "variables").Select(v => new ExpectedVariable(
                    String(v, "name")!,
                    Line(v, name),
                    String(v, "valueKind") ?? "none",
                    String(v, "value"),
                    v.TryGetProperty("perEnvironment", out var perEnv) && perEnv.ValueKind == JsonValueKind.Object
                        ? perEnv.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ToString())
                        : new Dictionary<string, string>(),
                    Strings(v, "scope"),
                    Strings(v, "aliases")))],
                [.. Array(root, "buildTimeVariables").Select(v => new ExpectedBuildTimeVariable(String(v, "name")!, Line(v, name)))],
                [.. Array(root, "secrets").Select(s => new ExpectedSecret(String(s, "name")!, Line(s, name), String(s, "environment")))],
                [.. Array(root, "resources").Select(r => new ExpectedResource(String(r, "kind")!, String(r, "name")!, Line(r, name)))],
                [.. Array(root, "notConfiguration").Select(n => new NotConfiguration(Line(n, name), String(n, "why") ?? ""))]),
            drift);
    }

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var array) && array.ValueKind == JsonValueKind.Array ? array.EnumerateArray() : [];

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static List<string> Strings(JsonElement element, string name) =>
        [.. Array(element, name).Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)];

    private static int Line(JsonElement element, string fixture) =>
        element.TryGetProperty("line", out var line) && line.ValueKind == JsonValueKind.Number
            ? line.GetInt32()
            : throw new InvalidOperationException($"{fixture}: an entry of expected.json has no line: {element}");
}
