using System.Globalization;
using System.Text;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2010: a Lambda function whose environment would exceed Lambda's 4 KB limit.</summary>
/// <remarks>
/// Lambda measures the JSON-encoded map of keys and values, and CDK does not check it at synth, so the
/// first sign is a failed deployment. Literal values count as written; a value read from a resource or a
/// secret becomes an ARN or similar identifier at deploy time, estimated at
/// <see cref="ReferenceEstimate"/> characters. The size is worked out for each environment the plan
/// gives values for and the largest reported, once per function.
/// </remarks>
internal sealed class LambdaEnvironmentSizeRule : IPlanRule
{
    public const int LimitBytes = 4096;

    /// <summary>A realistic length for an ARN (secret ARNs with a long name run to about 100 characters).</summary>
    public const int ReferenceEstimate = 100;

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        if (context.LambdaFunctions.Count == 0)
        {
            return;
        }

        // Each function's variables, in plan order, gathered from each variable's targets (linear in what the
        // generated app sets); measured once per distinct set: without scopes every function gets the same
        // variables, and building and measuring the map is the costly part.
        var byFunction = new Dictionary<PlannedResource, List<EnvVariable>>(ReferenceEqualityComparer.Instance);
        foreach (var function in context.LambdaFunctions)
        {
            byFunction[function] = [];
        }
        foreach (var variable in context.Plan.Variables)
        {
            foreach (var target in context.ComputeTargets(variable))
            {
                if (byFunction.TryGetValue(target, out var list))
                {
                    list.Add(variable);
                }
            }
        }
        var measured = new Dictionary<string, (Dictionary<string, string> Map, string? Environment, int Size)>(StringComparer.Ordinal);
        var ids = new Dictionary<EnvVariable, int>(ReferenceEqualityComparer.Instance);
        foreach (var variable in context.Plan.Variables)
        {
            ids.TryAdd(variable, ids.Count);
        }
        foreach (var function in context.LambdaFunctions)
        {
            var variables = byFunction[function];
            if (variables.Count == 0)
            {
                continue;
            }
            var key = string.Join(',', variables.Select(v => ids[v]));
            if (!measured.TryGetValue(key, out var known))
            {
                var environments = context.Plan.Environments.Count == 0 ? [null] : context.Plan.Environments.Select(e => (string?)e).ToList();
                var (largestMap, largestEnvironment) = environments
                    .Select(e => (Map: Environment(context, variables, e), Environment: e))
                    .MaxBy(x => Size(x.Map));
                measured[key] = known = (largestMap, largestEnvironment, Size(largestMap));
            }
            var (map, environment, size) = known;
            if (size > LimitBytes)
            {
                var largest = string.Join(", ", map
                    .OrderByDescending(pair => Encoding.UTF8.GetByteCount(pair.Key) + Encoding.UTF8.GetByteCount(pair.Value))
                    .ThenBy(pair => pair.Key, StringComparer.Ordinal)
                    .Take(3)
                    .Select(pair => string.Create(CultureInfo.InvariantCulture, $"{Shown.Text(pair.Key)} ({Size(new Dictionary<string, string> { [pair.Key] = pair.Value }) - 2} bytes)")));
                diagnostics.Add(DiagnosticCatalog.LambdaEnvironmentTooLarge, function.Location, Shown.Text(function.Name), size, Shown.Text(environment ?? "default"), largest);
            }
        }
    }

    /// <summary>The estimated size in bytes of the JSON map the function gets in one environment (null: the defaults).</summary>
    internal static int Measure(ValidationContext context, IEnumerable<EnvVariable> variables, string? environment) =>
        Size(Environment(context, variables, environment));

    private static int Size(Dictionary<string, string> map) => CompactJson.ObjectSize(map);

    /// <summary>The map of names to (estimated) values a function gets in one environment.</summary>
    private static Dictionary<string, string> Environment(ValidationContext context, IEnumerable<EnvVariable> variables, string? environment)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);

        // Rows for every environment first, so a row for this environment overrides them.
        foreach (var (variable, applies) in variables.Select(v => (v, context.EnvironmentsOf(v))).OrderBy(x => x.Item2 is not null))
        {
            if (environment is not null && applies is { Count: > 0 } && !applies.Contains(environment))
            {
                continue;
            }
            var value = environment is null
                ? variable.Value
                : variable.PerEnvironment.FirstOrDefault(p => string.Equals(p.Environment, environment, StringComparison.OrdinalIgnoreCase))?.Value ?? variable.Value;

            // Otherwise the last row wins, as in CDK's environment map.
            map[variable.Name] = Estimate(value);
        }
        return map;
    }

    private static string Estimate(ValueSpec value) => value.Kind switch
    {
        ValueKind.Literal => value.Text ?? "",
        ValueKind.FromResource or ValueKind.FromSecret => new string('x', ReferenceEstimate),
        _ => "",
    };
}
