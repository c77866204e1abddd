using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Diffing;

/// <summary>Secrets: planned ones never referenced, referenced ones the plan lacks, and grants on every secret.</summary>
public static partial class PlanDiffer
{
    private static void DiffSecrets(DiffContext context)
    {
        var plan = context.Plan;
        var references = context.Infra.Secrets.Where(s => !s.Name.Contains("${", StringComparison.Ordinal)).ToList();
        var referenced = ReferencedNames(references);

        // Secrets for one environment each (acme/prod/api-key, acme/dev/api-key) are alternatives: when the stacks do
        // not say which environment they are for, only a union of stacks for several environments must have them all.
        var environment = context.Group.Environment;
        var secretEnvironments = plan.Secrets.Select(s => s.Environment).OfType<string>().Select(StackGroups.Canonical).Distinct(StringComparer.Ordinal).Count();
        var anyEnvironment = secretEnvironments <= 1 || (context.Group.Comparison.Environment is null && context.Group.StackEnvironments.Count > 0);
        foreach (var secret in plan.Secrets.DistinctBy(s => s.Name))
        {
            if (referenced.Contains(secret.Name) || !Expected(secret, environment, anyEnvironment)
                || (NamePattern(secret.Name) is { } pattern && referenced.Any(pattern.IsMatch)))
            {
                continue;
            }
            context.Add(FindingKind.SecretNotReferenced, DiagnosticCatalog.DiffSecretNotReferenced, secret.Name,
                secret.Location, null, null, [secret.Name]);
        }

        var section = context.Section(plan.Sections.Secrets ?? plan.Sections.Configuration);
        foreach (var group in references.Where(r => !context.IsPlannedSecret(r.Name)).GroupBy(r => r.Name, StringComparer.Ordinal))
        {
            var first = group.First();
            context.Add(FindingKind.SecretNotPlanned, DiagnosticCatalog.DiffSecretNotPlanned, group.Key,
                section, first.Location, null, [group.Key, List(group.Select(r => r.Location.Display))]);
        }

        foreach (var grant in context.Infra.WildcardGrants)
        {
            context.Add(FindingKind.SecretWildcardGrant, DiagnosticCatalog.DiffSecretWildcardGrant, grant.Location.Display,
                section, grant.Location, null, [grant.Location.Display, grant.Actions, grant.Resource],
                key: $"{grant.Location.LogicalId}|{grant.Resource}");
        }
    }

    /// <summary>
    /// When the app is compared per environment, a secret the plan gives for an environment that has no stack at all
    /// (a uat secret, and stacks for dev, qa and prod) is looked for in the whole app.
    /// </summary>
    private static void DiffSecretsOfEnvironmentsWithoutStacks(DiffContext context, List<StackGroup> groups)
    {
        var compared = groups.Select(g => g.Environment).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var referenced = ReferencedNames(context.Infra.Secrets.Where(s => !s.Name.Contains("${", StringComparison.Ordinal)));
        foreach (var secret in context.Plan.Secrets.DistinctBy(s => s.Name))
        {
            if (secret.Environment is { } environment && !compared.Contains(StackGroups.Canonical(environment)) && !referenced.Contains(secret.Name)
                && !(NamePattern(secret.Name) is { } pattern && referenced.Any(pattern.IsMatch)))
            {
                context.Add(FindingKind.SecretNotReferenced, DiagnosticCatalog.DiffSecretNotReferenced, secret.Name,
                    secret.Location, null, null, [secret.Name], environment: StackGroups.Canonical(environment));
            }
        }
    }

    /// <summary>Referenced names, with and without a complete ARN's 6-character suffix, for one lookup per planned secret.</summary>
    private static HashSet<string> ReferencedNames(IEnumerable<Infrastructure.SecretReference> references)
    {
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var reference in references)
        {
            referenced.Add(reference.Name);
            if (reference.Name.Length > 7 && reference.Name[^7] == '-')
            {
                referenced.Add(reference.Name[..^7]);
            }
        }
        return referenced;
    }

    /// <summary>
    /// True when the stacks compared must reference the secret: a secret for one environment (a per-environment
    /// Secrets table) only in that environment's stacks; when it is not known which environment they are for, only
    /// in the union of stacks for several environments.
    /// </summary>
    private static bool Expected(PlannedSecret secret, string? environment, bool anyEnvironment) =>
        secret.Environment is null
        || (environment is not null && StackGroups.Canonical(secret.Environment) == environment)
        || (environment is null && anyEnvironment);
}
