using ArchPlan.Common;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Reading;

namespace ArchPlan.Diffing;

/// <summary>One comparison: the infrastructure of some stacks, the environment it is for, and the plan compared with it.</summary>
/// <param name="Environment">The canonical environment, when the stacks say (or the user said) which.</param>
/// <param name="Infra">The part of the infrastructure in these stacks.</param>
/// <param name="StackEnvironments">The environment of each stack label of the group (null key: the only stack).</param>
/// <param name="Comparison">What the report says about this group.</param>
internal sealed record StackGroup(string? Environment, InfraModel Infra, IReadOnlyDictionary<string, string> StackEnvironments, StackComparison Comparison)
{
    /// <summary>The environment a compute resource (or anything in a stack) is for: its stack's, else the group's.</summary>
    public string? EnvironmentOf(string? stack) =>
        stack is not null && StackEnvironments.TryGetValue(stack, out var environment) ? environment : Environment;
}

/// <summary>
/// Splits the infrastructure into the comparisons a plan gets. Stacks for several environments
/// (<c>OrdersStack-dev</c>, <c>OrdersStack-prod</c>) are compared once per environment, each time that environment's
/// stacks plus the stacks for no environment in particular (a shared stack), with the plan's values for that
/// environment. Anything else is compared as one app: a resource or variable on any stack counts.
/// </summary>
internal static class StackGroups
{
    public static List<StackGroup> Of(Plan plan, InfraModel infra, string? environment)
    {
        var stacks = infra.StackDetails;
        var names = stacks.Count > 0 ? stacks.Select(s => s.Label ?? s.Id).ToEquatableArray() : infra.Stacks;

        // The user said which environment this is: all of it is for that one.
        if (environment is not null)
        {
            var chosen = EnvironmentNames.Canonical(environment) ?? environment.Trim().ToLowerInvariant();
            return [new StackGroup(chosen, infra, new Dictionary<string, string>(), new StackComparison(chosen, names))];
        }

        // Source has one set of values: those of the environment cdk.json selects.
        if (infra.SourceKind == InfraSourceKind.CdkSource)
        {
            var selected = infra.SelectedEnvironment;
            return [new StackGroup(selected, infra, new Dictionary<string, string>(), new StackComparison(selected, names))];
        }

        var byLabel = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var stack in stacks.Where(s => s.Environment is not null && s.Label is not null))
        {
            byLabel[stack.Label!] = stack.Environment!;
        }
        var environments = stacks.Select(s => s.Environment).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        var single = environments.Count == 1 && stacks.Count(s => s.Environment is not null) >= 1 ? environments[0] : null;

        // Stacks for several environments are each a whole copy of the app: each is compared (with the plan's values for
        // it, or its defaults), so a resource or variable one environment lacks is found there. Stacks that share the
        // work of one app between them (network, data, api) are compared as one.
        if (environments.Count < 2)
        {
            // One comparison. With stacks for one environment (and shared ones) it is that environment's.
            return [new StackGroup(single, infra, byLabel, new StackComparison(single, names))];
        }

        var groups = new List<StackGroup>();
        var shared = stacks.Where(s => s.Environment is null).ToList();
        foreach (var env in environments)
        {
            var members = stacks.Where(s => s.Environment == env).Concat(shared).ToList();
            var labels = members.Select(s => s.Label).OfType<string>().ToHashSet(StringComparer.Ordinal);
            groups.Add(new StackGroup(env, Filter(infra, labels), byLabel,
                new StackComparison(env, stacks.Where(s => labels.Contains(s.Label ?? "")).Select(s => s.Label ?? s.Id).ToEquatableArray())));
        }
        return groups;
    }

    public static string Canonical(string environment) => EnvironmentNames.Canonical(environment) ?? environment.Trim().ToLowerInvariant();

    /// <summary>The part of the model in the stacks labelled <paramref name="labels"/>.</summary>
    private static InfraModel Filter(InfraModel infra, HashSet<string> labels)
    {
        bool In(string? stack) => stack is not null && labels.Contains(stack);
        return infra with
        {
            Stacks = infra.StackDetails.Where(s => In(s.Label)).Select(s => s.Id).ToEquatableArray(),
            StackDetails = infra.StackDetails.Where(s => In(s.Label)).ToEquatableArray(),
            Resources = infra.Resources.Where(r => In(r.Stack)).ToEquatableArray(),
            Compute = infra.Compute.Where(c => In(c.Stack)).ToEquatableArray(),
            Secrets = infra.Secrets.Where(s => In(s.Location.Stack)).ToEquatableArray(),
            WildcardGrants = infra.WildcardGrants.Where(g => In(g.Location.Stack)).ToEquatableArray(),
        };
    }
}
