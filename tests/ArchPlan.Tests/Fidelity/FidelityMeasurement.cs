using System.Globalization;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Pipeline;
using ArchPlan.Reading;
using Markdig;
using Markdig.Syntax;

namespace ArchPlan.Tests.Fidelity;

/// <summary>What ArchPlan read from one fixture, set against what a correct reader finds.</summary>
internal sealed record FixtureMeasurement(
    RealWorldFixture Fixture,
    Plan Plan,
    Matching<ExpectedVariable, EnvVariable> Variables,
    Matching<ExpectedBuildTimeVariable, EnvVariable> BuildTimeVariables,
    Matching<ExpectedSecret, PlannedSecret> Secrets,
    Matching<ExpectedResource, PlannedResource> Resources,
    IReadOnlyList<NotConfiguration> LookAlikesRead,
    Matching<ExpectedFinding, DiffFinding>? Diff,
    string? InfraProblem)
{
    /// <summary>Missed resources the document names only in a paragraph or a code block, which the reader does not read resources from.</summary>
    public IReadOnlyList<ExpectedResource> MissedInProse { get; init; } = [];

    /// <summary>Matched variables whose value, per-environment values, scope or aliases differ from the expected ones, described.</summary>
    public IEnumerable<string> ValueDifferences() =>
        Variables.Pairs.Select(p => FidelityMeasurement.ValueDifference(p.Expected, p.Found)).OfType<string>();

    /// <summary>Matched items read on another line than expected, described.</summary>
    public IEnumerable<string> LineDifferences()
    {
        static string? Line(string what, int expected, int found) =>
            expected == found ? null : $"{what}: expected line {expected}, read at {found}";
        return Variables.Pairs.Select(p => Line("variable " + p.Expected.Name, p.Expected.Line, p.Found.Location.Line))
            .Concat(BuildTimeVariables.Pairs.Select(p => Line("build-time variable " + p.Expected.Name, p.Expected.Line, p.Found.Location.Line)))
            .Concat(Secrets.Pairs.Select(p => Line("secret " + p.Expected.Name, p.Expected.Line, p.Found.Location.Line)))
            .Concat(Resources.Pairs.Select(p => Line($"resource {p.Expected.Kind} {p.Expected.Name}", p.Expected.Line, p.Found.Location.Line)))
            .OfType<string>();
    }
}

/// <summary>Reads each real-world fixture (and diffs it against its infrastructure) and matches the result with expected.json and drift.json.</summary>
internal static class FidelityMeasurement
{
    public static FixtureMeasurement Measure(RealWorldFixture fixture)
    {
        var loaded = PlanLoader.Load(fixture.PlanPath);
        var plan = loaded.Value ?? throw new InvalidOperationException($"{fixture.Name}: the plan could not be read");
        var expected = fixture.Expected;

        var variables = Matcher.Match(expected.Variables, plan.Variables, v => v.Name, v => v.Name, v => v.Line, v => v.Location.Line);
        var buildTime = Matcher.Match(expected.BuildTimeVariables, plan.BuildTimeVariables, v => v.Name, v => v.Name, v => v.Line, v => v.Location.Line);
        var secrets = Matcher.Match(expected.Secrets, plan.Secrets,
            s => s.Name + "@" + EnvironmentKey(s.Environment), s => s.Name + "@" + EnvironmentKey(s.Environment), s => s.Line, s => s.Location.Line);
        var resources = MatchResources(expected.Resources, plan.Resources);

        // A look-alike is read as configuration when a configuration table starts on its line (a table's header line)
        // or a variable or secret is read from its line (a row that is not configuration inside a table that is).
        var readLines = plan.Tables.Select(t => t.Location.Line)
            .Concat(plan.Variables.Select(v => v.Location.Line))
            .Concat(plan.BuildTimeVariables.Select(v => v.Location.Line))
            .Concat(plan.Secrets.Select(s => s.Location.Line))
            .ToHashSet();
        var lookAlikes = expected.NotConfiguration.Where(n => readLines.Contains(n.Line)).ToList();

        Matching<ExpectedFinding, DiffFinding>? diff = null;
        string? infraProblem = null;
        if (fixture.Drift is { } drift)
        {
            // An infrastructure diff cannot read finds nothing: every planted finding counts as missed, and the reason is shown.
            var infra = InfrastructureReader.Read(Path.Combine(fixture.Folder, drift.Against), drift.Stack);
            var findings = infra.Value is { } model ? PlanDiffer.Diff(plan, model, infra.Diagnostics).Findings.ToList() : [];
            infraProblem = infra.Value is null ? string.Join("; ", infra.Diagnostics.Select(d => d.Message)) : null;
            diff = Matcher.Match(drift.Findings, findings,
                f => f.Kind + ":" + f.Subject.ToLowerInvariant(), f => f.Kind + ":" + f.Subject.ToLowerInvariant(), _ => 0, f => f.PlanLocation.Line);
        }
        var blocks = BlockKinds(File.ReadAllText(fixture.PlanPath));
        return new FixtureMeasurement(fixture, plan, variables, buildTime, secrets, resources, lookAlikes, diff, infraProblem)
        {
            MissedInProse = [.. resources.Missed.Where(r => blocks.TryGetValue(r.Line, out var kind) && kind is "paragraph" or "code")],
        };
    }

    /// <summary>For each 1-based line, the innermost block it is in: "paragraph" (outside lists and tables), "code", or "listed".</summary>
    private static Dictionary<int, string> BlockKinds(string text)
    {
        var document = Markdown.Parse(text, PlanReader.Pipeline);
        var lineStarts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
        int LineOf(int offset)
        {
            var index = lineStarts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
        var kinds = new Dictionary<int, (string Kind, int Size)>();
        foreach (var block in document.Descendants())
        {
            var kind = block switch
            {
                FencedCodeBlock or CodeBlock => "code",
                ParagraphBlock { Parent: MarkdownDocument or QuoteBlock } => "paragraph",
                LeafBlock => "listed",
                _ => null,
            };
            if (kind is null || block.Span.IsEmpty)
            {
                continue;
            }
            for (var line = LineOf(block.Span.Start); line <= LineOf(Math.Max(block.Span.Start, block.Span.End)); line++)
            {
                if (!kinds.TryGetValue(line, out var known) || known.Size > block.Span.Length)
                {
                    kinds[line] = (kind, block.Span.Length);
                }
            }
        }
        return kinds.ToDictionary(k => k.Key, k => k.Value.Kind);
    }

    /// <summary>
    /// Resources pair by kind and name; then, for what is left, by kind and line: where a document gives a resource no
    /// name, the fixture writes the words it uses ("PostgreSQL database") and a reader derives its own name, so the
    /// kind on the expected line is what says the resource was read.
    /// </summary>
    private static Matching<ExpectedResource, PlannedResource> MatchResources(IReadOnlyList<ExpectedResource> expected, IReadOnlyList<PlannedResource> found)
    {
        var byName = Matcher.Match(expected, found, r => r.Kind + ":" + NameKey(r.Name), r => r.Kind + ":" + NameKey(r.Name), r => r.Line, r => r.Location.Line);
        var byLine = Matcher.Match(byName.Missed, byName.Extra, r => $"{r.Kind}@{r.Line}", r => $"{r.Kind}@{r.Location.Line}", r => r.Line, r => r.Location.Line);
        return new Matching<ExpectedResource, PlannedResource>([.. byName.Pairs, .. byLine.Pairs], byLine.Missed, byLine.Extra)
        {
            NamedPairs = byName.Pairs.Count,
        };
    }

    /// <summary>Resource names compare by their letters and digits: `orders-table`, **Orders Table** and OrdersTable are one name.</summary>
    internal static string NameKey(string name) =>
        new([.. name.ToLowerInvariant().Where(char.IsLetterOrDigit)]);

    /// <summary>Environments compare by their canonical name (Production = prod); none is "".</summary>
    internal static string EnvironmentKey(string? environment) =>
        environment is null ? "" : EnvironmentNames.Canonical(environment) ?? environment.Trim().ToLowerInvariant();

    internal static string? ValueDifference(ExpectedVariable expected, EnvVariable found)
    {
        var differences = new List<string>();
        // The kind of the variable's value: the default's, else that of its per-environment values when they agree.
        var perEnvironmentKinds = found.PerEnvironment.Select(e => e.Value.Kind).Where(k => k != ValueKind.None).Distinct().ToList();
        var valueKind = found.Value.Kind != ValueKind.None ? found.Value.Kind : perEnvironmentKinds.Count == 1 ? perEnvironmentKinds[0] : ValueKind.None;
        var kind = valueKind switch
        {
            ValueKind.Literal => "literal",
            ValueKind.FromResource => "resource",
            ValueKind.FromSecret => "secret",
            _ => "none",
        };
        if (kind != expected.ValueKind)
        {
            differences.Add($"kind {kind} (expected {expected.ValueKind})");
        }
        else if (kind == "literal" && expected.Value is not null && found.Value.Kind == ValueKind.Literal && found.Value.Text != expected.Value)
        {
            differences.Add($"value '{found.Value.Text}' (expected '{expected.Value}')");
        }
        var perEnvironment = found.PerEnvironment
            .Where(e => e.Value.Kind == ValueKind.Literal)
            .GroupBy(e => EnvironmentKey(e.Environment))
            .ToDictionary(g => g.Key, g => g.First().Value.Text ?? "");
        var expectedPerEnvironment = expected.PerEnvironment.ToDictionary(p => EnvironmentKey(p.Key), p => p.Value);
        if (!Same(perEnvironment, expectedPerEnvironment))
        {
            differences.Add($"per environment {Show(perEnvironment)} (expected {Show(expectedPerEnvironment)})");
        }
        if (!found.Scope.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(expected.Scope.Order(StringComparer.OrdinalIgnoreCase), StringComparer.OrdinalIgnoreCase))
        {
            differences.Add($"scope [{string.Join(", ", found.Scope)}] (expected [{string.Join(", ", expected.Scope)}])");
        }
        if (!found.Aliases.Order(StringComparer.Ordinal).SequenceEqual(expected.Aliases.Order(StringComparer.Ordinal)))
        {
            differences.Add($"aliases [{string.Join(", ", found.Aliases)}] (expected [{string.Join(", ", expected.Aliases)}])");
        }
        return differences.Count == 0 ? null : $"{expected.Name} (line {expected.Line.ToString(CultureInfo.InvariantCulture)}): {string.Join("; ", differences)}";
    }

    private static bool Same(Dictionary<string, string> a, Dictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    private static string Show(Dictionary<string, string> values) =>
        "{" + string.Join(", ", values.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}: {p.Value}")) + "}";
}
