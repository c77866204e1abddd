using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using ArchPlan.Model;

namespace ArchPlan.Diffing;

/// <summary>Values: a literal the infrastructure sets that is not the plan's value for that environment.</summary>
public static partial class PlanDiffer
{
    /// <summary>The value a plan row expects on a compute resource, and where the plan says so.</summary>
    private readonly record struct ExpectedValue(string Text, SourceLocation Location, bool IsExample, string? Environment);

    /// <summary>
    /// Compares each literal set on a compute resource with the value of the plan row that applies to it: the row's
    /// value for the compute's environment, else its default. Only literals on both sides are compared: values from
    /// resources, secrets, CDK tokens and context values the source cannot resolve are not values to compare.
    /// </summary>
    private static void DiffValues(DiffContext context, Dictionary<PlannedResource, List<InfraResource>> resourceMatches, SortedDictionary<int, EnvVariable> notCompared)
    {
        var plan = context.Plan;
        var rowsByName = new Dictionary<string, List<(EnvVariable Row, int Index)>>(StringComparer.Ordinal);
        for (var i = 0; i < plan.Variables.Count; i++)
        {
            var row = plan.Variables[i];
            foreach (var name in new[] { row.Name }.Concat(row.Aliases).Distinct(StringComparer.Ordinal))
            {
                rowsByName.ListFor(name).Add((row, i));
            }
        }
        if (rowsByName.Count == 0)
        {
            return;
        }

        // One finding per variable, plan cell and infrastructure value: three functions with the same wrong level are one difference.
        var differences = new Dictionary<(string Name, SourceLocation Plan, string Actual), (ExpectedValue Expected, InfraVariable First, List<string> Compute)>();
        var computes = context.Infra.Compute.Where(c => !c.IsHelper).ToList();
        var scopes = context.Scopes(resourceMatches);

        // A scope that names none of the compute (a sub-heading read as a scope, a component since renamed) does not
        // narrow the row: its value is compared wherever the variable is set.
        bool Applies(EnvVariable row, ComputeResource compute) =>
            row.Scope.Count == 0 || scopes.InScope(compute, row.Scope) || !scopes.NamesAny(row.Scope);

        // What a row expects depends only on the row and the environment, and whether two texts agree only on the texts:
        // both are asked once, however many compute set the variable.
        var expectations = new Dictionary<(int Row, string? Environment), (ExpectedValue? Value, bool Unknown)>();
        var agreements = new Dictionary<(string Plan, string Actual), bool>();
        bool Agrees(string planText, string actualText)
        {
            if (!agreements.TryGetValue((planText, actualText), out var agrees))
            {
                agrees = ValueMatcher.Matches(planText, actualText);
                agreements[(planText, actualText)] = agrees;
            }
            return agrees;
        }

        foreach (var compute in computes)
        {
            var environment = context.Group.EnvironmentOf(compute.Stack);
            foreach (var variable in compute.Environment)
            {
                if (ActualLiteral(variable.Value) is not { } actual || !rowsByName.TryGetValue(variable.Name, out var rows))
                {
                    continue;
                }

                var expected = new List<ExpectedValue>();
                var unknown = false;
                foreach (var (row, index) in rows)
                {
                    if (!Applies(row, compute))
                    {
                        continue;
                    }
                    if (!expectations.TryGetValue((index, environment), out var expectation))
                    {
                        expectation = (Expected(plan, row, environment, out var rowUnknown), rowUnknown);
                        expectations[(index, environment)] = expectation;
                    }
                    if (expectation.Value is { } value)
                    {
                        expected.Add(value);
                    }
                    else if (expectation.Unknown)
                    {
                        unknown = true;
                        notCompared.TryAdd(index, row);
                    }
                }
                if (expected.Count == 0 || expected.Exists(e => Agrees(e.Text, actual)))
                {
                    continue;
                }

                // A required variable set empty is reported as such; an unknown-environment row may be the one that applies.
                if (unknown || (actual.Trim().Length == 0 && rows.Exists(r => r.Row.Required == Requirement.Required)))
                {
                    continue;
                }
                var first = expected[0];
                var key = (variable.Name, first.Location, actual);
                if (!differences.TryGetValue(key, out var entry))
                {
                    entry = (first, variable, []);
                    differences[key] = entry;
                }
                entry.Compute.Add(compute.Stack is null || context.Group.StackEnvironments.Count == 0 ? compute.DisplayName : $"{compute.Stack}/{compute.DisplayName}");
            }
        }

        foreach (var ((name, planLocation, actual), (expected, first, computeNames)) in differences)
        {
            var descriptor = expected.IsExample ? DiagnosticCatalog.DiffValueDiffersFromExample : DiagnosticCatalog.DiffValueDiffers;
            var which = expected.IsExample ? "" : expected.Environment is null ? "value" : $"{expected.Environment} value";
            context.Add(FindingKind.ValueDiffers, descriptor, name, planLocation, first.Location, null,
                [name, ValueMatcher.Show(actual), List(computeNames), which, ValueMatcher.Show(expected.Text)],
                key: $"{name}|{planLocation.Line}:{planLocation.Column}|{actual}");
        }
    }

    /// <summary>The literal the infrastructure gives, or null when it gives a reference, a secret, a token or an unresolved context value.</summary>
    private static string? ActualLiteral(InfraValue value) => value.Kind switch
    {
        InfraValueKind.Literal => value.Text,

        // Source: a context value cdk.json gives is the literal that synth writes into the template.
        InfraValueKind.Context when value.Resolved => value.Text,
        _ => null,
    };

    /// <summary>
    /// The literal a row expects in <paramref name="environment"/>: its value for that environment, else its default.
    /// Null when it expects none, or (<paramref name="unknown"/>: the environment is not known) when its environments disagree.
    /// </summary>
    private static ExpectedValue? Expected(Plan plan, EnvVariable row, string? environment, out bool unknown)
    {
        unknown = false;
        if (environment is not null)
        {
            foreach (var value in row.PerEnvironment)
            {
                if (StackGroups.Canonical(value.Environment) == environment)
                {
                    // A value the plan gives alike for every environment is the row's value, wherever it is compared.
                    return Literal(value.Value) is not { } text ? null
                        : SameEverywhere(row) is { } same ? same
                        : new ExpectedValue(text, value.Location, false, value.Environment);
                }
            }
            return Default(plan, row);
        }
        if (row.PerEnvironment.Count == 0)
        {
            return Default(plan, row);
        }

        // Not knowing the environment only matters when the environments' literal values differ.
        if (SameEverywhere(row) is { } everywhere)
        {
            return everywhere;
        }
        unknown = row.PerEnvironment.Any(e => Literal(e.Value) is not null);
        return null;
    }

    /// <summary>The row's value when every environment (and the default, if any) gives the same literal; null otherwise.</summary>
    private static ExpectedValue? SameEverywhere(EnvVariable row)
    {
        var perEnvironment = row.PerEnvironment.Where(e => e.Value.Kind != ValueKind.None).ToList();
        var literals = perEnvironment.Select(e => Literal(e.Value)).OfType<string>().ToList();
        if (literals.Count == 0 || literals.Count < perEnvironment.Count)
        {
            return null;
        }
        if (row.Value.Kind != ValueKind.None)
        {
            if (Literal(row.Value) is not { } fallback)
            {
                return null;
            }
            literals.Add(fallback);
        }
        return literals.TrueForAll(v => ValueMatcher.Matches(literals[0], v) && ValueMatcher.Matches(v, literals[0]))
            ? new ExpectedValue(literals[0], perEnvironment[0].Location, false, null)
            : null;
    }

    private static ExpectedValue? Default(Plan plan, EnvVariable row) =>
        Literal(row.Value) is { } text
            ? new ExpectedValue(text, row.ValueLocation.File is null ? row.Location : row.ValueLocation, IsExample(plan, row), null)
            : null;

    private static string? Literal(ValueSpec value) =>
        value.Kind == ValueKind.Literal && value.Text is { } text && ValueMatcher.IsComparable(text) ? text : null;

    /// <summary>
    /// True when the row's value is an example rather than the value to deploy: the reader says so, or every value
    /// column of its table is headed like one ("Example", "e.g.", "Sample").
    /// </summary>
    private static bool IsExample(Plan plan, EnvVariable row)
    {
        if (row.ValueIsExample)
        {
            return true;
        }
        if (row.TableIndex < 0 || row.TableIndex >= plan.Tables.Count)
        {
            return false;
        }
        var valueColumns = plan.Tables[row.TableIndex].Columns.Where(c => c.Role == ColumnRole.Value).ToList();
        return valueColumns.Count > 0 && valueColumns.TrueForAll(c => IsExampleHeader(c.Header));
    }

    internal static bool IsExampleHeader(string header) =>
        header.Contains("example", StringComparison.OrdinalIgnoreCase)
        || header.Contains("e.g.", StringComparison.OrdinalIgnoreCase)
        || header.Contains("sample", StringComparison.OrdinalIgnoreCase);
}
