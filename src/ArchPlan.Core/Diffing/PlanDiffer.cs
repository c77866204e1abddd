using System.Collections.Immutable;
using System.Globalization;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using ArchPlan.Model;

namespace ArchPlan.Diffing;

/// <summary>Compares a plan with the infrastructure read from a template, cloud assembly or CDK source.</summary>
public static class PlanDiffer
{
    // Variables CDK sets on functions by itself.
    private static readonly HashSet<string> CdkVariables = new(StringComparer.Ordinal) { "AWS_NODEJS_CONNECTION_REUSE_ENABLED" };

    private const string SecretArnSuffix = "_SECRET_ARN";

    private static readonly HashSet<ResourceKind> SupportingKinds =
    [
        ResourceKind.EcrRepository, ResourceKind.Vpc, ResourceKind.EcsCluster, ResourceKind.LogGroup, ResourceKind.IamRole,
        ResourceKind.SecretsManagerSecret, ResourceKind.KmsKey, ResourceKind.CloudWatchDashboard,
    ];

    /// <summary>Compares <paramref name="plan"/> with <paramref name="infra"/>; the findings come security first.</summary>
    public static DiffReport Diff(Plan plan, InfraModel infra, ImmutableArray<Diagnostic> diagnostics = default)
    {
        var context = new DiffContext(plan, infra);
        var findings = new List<DiffFinding>();
        var resourceMatches = MatchResources(context, findings);
        DiffVariables(context, resourceMatches, findings);
        DiffSecrets(context, findings);

        var ordered = findings
            .Select((f, i) => (f, i))
            .OrderBy(x => x.f.Section)
            .ThenBy(x => x.f.Kind)
            .ThenBy(x => x.f.PlanLocation.Line)
            .ThenBy(x => x.f.Group, StringComparer.Ordinal)
            .ThenBy(x => x.f.Subject, StringComparer.Ordinal)
            .ThenBy(x => x.i)
            .Select(x => x.f);
        return new DiffReport(plan.FilePath, infra.Path, ordered.ToEquatableArray(), diagnostics.IsDefault ? [] : diagnostics);
    }

    private sealed class DiffContext(Plan plan, InfraModel infra)
    {
        public Plan Plan { get; } = plan;

        public InfraModel Infra { get; } = infra;

        public SourceLocation Section(SourceLocation? section) => section ?? SourceLocation.OfFile(Plan.FilePath);
    }

    private static DiffFinding Finding(FindingKind kind, DiagnosticDescriptor descriptor, string subject, SourceLocation plan, InfraLocation? infra, string? group, params object?[] args) =>
        new(kind, descriptor, subject,
            string.Format(CultureInfo.InvariantCulture, descriptor.MessageFormat, args),
            string.Format(CultureInfo.InvariantCulture, descriptor.HelpFormat, args),
            plan, infra, group);

    // ---- Resources ----------------------------------------------------------------------------------------

    /// <summary>Pairs plan resources with infrastructure resources; reports the ones on either side without a partner.</summary>
    /// <remarks>
    /// Every lookup goes through an index (name form → resources, logical id → resources, resource → the match lists
    /// holding it), so the cost grows with the plan plus the template rather than with their product.
    /// </remarks>
    private static Dictionary<PlannedResource, List<InfraResource>> MatchResources(DiffContext context, List<DiffFinding> findings)
    {
        var plan = context.Plan;
        var matches = new Dictionary<PlannedResource, List<InfraResource>>();
        var matched = new HashSet<InfraResource>();
        var candidates = context.Infra.Resources.Where(r => r.Role is InfraRole.Primary or InfraRole.Supporting).ToList();

        // Each name form of each candidate, to the candidates (by position) that have it.
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var r = candidates[i];
            foreach (var name in NameMatcher.InfraNames(r.LogicalId, r.CdkPath, r.PhysicalName, r.Kind, plan.Product))
            {
                var list = byName.ListFor(name);
                list.Add(i);
            }
        }

        // The match lists each resource is in: two plan resources may match the same resource.
        var listsHolding = new Dictionary<InfraResource, List<List<InfraResource>>>();
        void Note(InfraResource resource, List<InfraResource> list)
        {
            var lists = listsHolding.ListFor(resource);
            lists.Add(list);
        }

        foreach (var planned in plan.Resources)
        {
            var positions = new SortedSet<int>();
            foreach (var name in NameMatcher.PlanNames(planned.Name, planned.Kind, plan.Product))
            {
                if (byName.TryGetValue(name, out var list))
                {
                    positions.UnionWith(list);
                }
            }
            var found = positions
                .Select(i => candidates[i])
                .Where(r => planned.Kind == ResourceKind.Unknown || NameMatcher.SameKind(planned.Kind, r))
                .ToList();
            matches[planned] = found;
            matched.UnionWith(found);
            found.ForEach(r => Note(r, found));

            // Supporting kinds are often imported (an existing VPC or ECR repository) or made implicitly: absent is not drift.
            if (found.Count == 0 && planned.Kind != ResourceKind.Unknown && !SupportingKinds.Contains(planned.Kind))
            {
                findings.Add(Finding(FindingKind.ResourceNotFound, DiagnosticCatalog.DiffResourceNotFound, planned.Name,
                    planned.Location, null, KindName(planned.Kind), KindName(planned.Kind), planned.Name));
            }
        }

        var byId = candidates
            .GroupBy(r => (r.LogicalId, r.Stack))
            .ToDictionary(g => g.Key, g => g.ToList());
        List<InfraResource> Owners(InfraResource resource) => byId.GetValueOrDefault((resource.PartOf!, resource.Stack)) ?? [];

        // A service's task definition belongs to the service, and the other way round.
        foreach (var resource in candidates.Where(r => r.PartOf is not null))
        {
            var owner = Owners(resource).FirstOrDefault();
            if (owner is not null && (matched.Contains(owner) || matched.Contains(resource)))
            {
                matched.Add(owner);
                matched.Add(resource);
                var lists = listsHolding.GetValueOrDefault(owner, []).Concat(listsHolding.GetValueOrDefault(resource, []))
                    .Distinct(ReferenceEqualityComparer.Instance).Cast<List<InfraResource>>().ToList();
                foreach (var list in lists)
                {
                    if (!list.Contains(owner))
                    {
                        list.Add(owner);
                        Note(owner, list);
                    }
                    if (!list.Contains(resource))
                    {
                        list.Add(resource);
                        Note(resource, list);
                    }
                }
            }
        }

        var location = context.Section(plan.Sections.AwsResources ?? plan.Sections.Infrastructure);
        foreach (var resource in candidates.Where(r => r.Role == InfraRole.Primary && !matched.Contains(r)))
        {
            // An unplanned service already reports its task definition.
            if (resource.PartOf is not null && Owners(resource).Exists(o => !matched.Contains(o)))
            {
                continue;
            }
            var kind = resource.Kind == ResourceKind.Unknown ? resource.Type : KindName(resource.Kind);
            var subject = resource.Stack is null ? resource.LogicalId : $"{resource.Stack}/{resource.LogicalId}";
            findings.Add(Finding(FindingKind.ResourceNotPlanned, DiagnosticCatalog.DiffResourceNotPlanned, subject,
                location, resource.Location, resource.Type, kind, subject));
        }
        return matches;
    }

    internal static string KindName(ResourceKind kind) => kind switch
    {
        ResourceKind.LambdaFunction => "Lambda function",
        ResourceKind.FargateService => "Fargate service",
        ResourceKind.FargateTask => "Fargate task",
        ResourceKind.S3Bucket => "S3 bucket",
        ResourceKind.DynamoDbTable => "DynamoDB table",
        ResourceKind.SqsQueue => "SQS queue",
        ResourceKind.SnsTopic => "SNS topic",
        ResourceKind.EventBridgeRule => "EventBridge rule",
        ResourceKind.RestApi => "REST API",
        ResourceKind.HttpApi => "HTTP API",
        ResourceKind.CloudWatchAlarm => "CloudWatch alarm",
        ResourceKind.RdsInstance => "RDS instance",
        ResourceKind.AuroraCluster => "Aurora cluster",
        ResourceKind.StateMachine => "state machine",
        ResourceKind.EcrRepository => "ECR repository",
        ResourceKind.Vpc => "VPC",
        ResourceKind.EcsCluster => "ECS cluster",
        ResourceKind.LogGroup => "log group",
        ResourceKind.IamRole => "IAM role",
        ResourceKind.SecretsManagerSecret => "secret",
        ResourceKind.KmsKey => "KMS key",
        ResourceKind.CloudWatchDashboard => "CloudWatch dashboard",
        _ => "resource",
    };

    // ---- Environment variables ----------------------------------------------------------------------------

    private static void DiffVariables(DiffContext context, Dictionary<PlannedResource, List<InfraResource>> resourceMatches, List<DiffFinding> findings)
    {
        var plan = context.Plan;
        var compute = context.Infra.Compute.Where(c => !c.IsHelper).ToList();

        // Per-environment tables list a variable once per environment: compare each name once, at its first row.
        var planned = plan.Variables
            .GroupBy(v => v.Name, StringComparer.Ordinal)
            .Select(g => (First: g.First(), All: g.ToList()))
            .ToList();
        var plannedNames = planned.Select(p => p.First.Name).ToHashSet(StringComparer.Ordinal);

        // The compute resources (by position) that set each name, so a planned variable looks only at those: asking
        // every compute resource about every variable made diff grow with their product.
        var settingName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < compute.Count; i++)
        {
            foreach (var v in compute[i].Environment.Concat(compute[i].Secrets))
            {
                var list = settingName.ListFor(v.Name);
                if (list.Count == 0 || list[^1] != i)
                {
                    list.Add(i);
                }
            }
        }

        foreach (var (variable, rows) in planned)
        {
            var fromSecret = rows.Any(r => IsFromSecret(r));
            var hits = new List<(ComputeResource Compute, InfraVariable Variable)>();
            var setting = new SortedSet<int>(settingName.GetValueOrDefault(variable.Name) ?? []);
            setting.UnionWith(settingName.GetValueOrDefault(variable.Name + SecretArnSuffix) ?? []);
            foreach (var i in setting)
            {
                var hit = Lookup(compute[i], variable.Name);
                if (hit is not null)
                {
                    hits.Add((compute[i], hit));
                }
            }
            // Lookup depends only on a compute resource's content, so a set by reference tells hits apart exactly.
            var withHit = hits.Select(h => h.Compute).ToHashSet(ReferenceEqualityComparer.Instance);

            if (hits.Count == 0)
            {
                findings.Add(Finding(FindingKind.VariableNotSet, DiagnosticCatalog.DiffVariableNotSet, variable.Name,
                    variable.Location, null, null, variable.Name));
                continue;
            }

            foreach (var (c, hit) in hits)
            {
                // A container can carry the name twice (a secret and a plain variable): the literal one is the leak.
                var literal = c.Environment.FirstOrDefault(e => e.Name == variable.Name && e.Value.Kind == InfraValueKind.Literal);
                if (fromSecret && literal is not null)
                {
                    var secret = rows.Select(r => SecretOf(r)).FirstOrDefault(s => s is not null) ?? "?";
                    findings.Add(Finding(FindingKind.SecretSetAsLiteral, DiagnosticCatalog.DiffSecretSetAsLiteral, variable.Name,
                        variable.ValueLocation.File is null ? variable.Location : variable.ValueLocation, literal.Location, null,
                        literal.Name, secret, c.DisplayName));
                }
                if (rows.Any(r => r.Required == Requirement.Required) && hit.Value.Kind == InfraValueKind.Literal && string.IsNullOrWhiteSpace(hit.Value.Text))
                {
                    findings.Add(Finding(FindingKind.RequiredVariableEmpty, DiagnosticCatalog.DiffRequiredVariableEmpty, variable.Name,
                        variable.Location, hit.Location, null, variable.Name, c.DisplayName));
                }
            }

            var expected = variable.Scope.Count == 0
                ? compute
                : compute.Where(c => InScope(c, variable.Scope, plan, resourceMatches)).ToList();
            var missing = expected.Where(c => !withHit.Contains(c)).ToList();
            if (missing.Count > 0)
            {
                findings.Add(Finding(FindingKind.VariableOnSomeCompute, DiagnosticCatalog.DiffVariableOnSomeCompute, variable.Name,
                    variable.Location, missing[0].Location, null,
                    variable.Name, List(hits.Select(h => h.Compute.DisplayName)), List(missing.Select(m => m.DisplayName))));
            }
        }

        // Variables the infrastructure sets that the plan does not name, once per name.
        var unplanned = new Dictionary<string, List<(ComputeResource Compute, InfraVariable Variable)>>(StringComparer.Ordinal);
        foreach (var c in compute)
        {
            foreach (var v in c.Environment.Concat(c.Secrets))
            {
                if (IsPlanned(v.Name, plannedNames) || CdkVariables.Contains(v.Name))
                {
                    continue;
                }
                var list = unplanned.ListFor(v.Name);
                list.Add((c, v));
            }
        }
        var section = context.Section(plan.Sections.EnvironmentVariables ?? plan.Sections.Configuration);
        foreach (var (name, list) in unplanned)
        {
            findings.Add(Finding(FindingKind.VariableNotPlanned, DiagnosticCatalog.DiffVariableNotPlanned, name,
                section, list[0].Variable.Location, null, name, List(list.Select(l => l.Compute.DisplayName))));
        }
    }

    private static bool IsFromSecret(EnvVariable variable) =>
        variable.Value.Kind == ValueKind.FromSecret || variable.PerEnvironment.Any(e => e.Value.Kind == ValueKind.FromSecret);

    private static string? SecretOf(EnvVariable variable) =>
        new[] { variable.Value }.Concat(variable.PerEnvironment.Select(e => e.Value))
            .Where(v => v.Kind == ValueKind.FromSecret)
            .Select(v => v.Secret is null ? null : v.SecretField is null ? v.Secret : $"{v.Secret}:{v.SecretField}")
            .FirstOrDefault(s => s is not null);

    /// <summary>
    /// Where a compute resource gets a planned variable: the variable itself, a container secret of that name, or
    /// (the generator's form for Lambda) <c>NAME_SECRET_ARN</c> holding the secret's ARN.
    /// </summary>
    private static InfraVariable? Lookup(ComputeResource compute, string name) =>
        compute.Secrets.FirstOrDefault(s => s.Name == name)
        ?? compute.Environment.FirstOrDefault(e => e.Name == name)
        ?? compute.Environment.FirstOrDefault(e => e.Name == name + SecretArnSuffix);

    private static bool IsPlanned(string name, HashSet<string> plannedNames) =>
        plannedNames.Contains(name)
        || (name.EndsWith(SecretArnSuffix, StringComparison.Ordinal) && plannedNames.Contains(name[..^SecretArnSuffix.Length]));

    /// <summary>True when a scope word names this compute: through the plan resource it matched, or by its own names.</summary>
    private static bool InScope(ComputeResource compute, EquatableArray<string> scope, Plan plan, Dictionary<PlannedResource, List<InfraResource>> resourceMatches)
    {
        var computeNames = NameMatcher.InfraNames(compute.LogicalId, compute.CdkPath, null, compute.Kind, plan.Product);
        if (compute.ContainerName is not null)
        {
            computeNames.UnionWith(NameMatcher.PlanNames(compute.ContainerName, compute.Kind, plan.Product));
        }
        foreach (var word in scope)
        {
            // A handler file such as "snapshot.py" names its component by the file's stem.
            var stem = Path.GetFileNameWithoutExtension(word);
            var names = NameMatcher.PlanNames(word, compute.Kind, plan.Product);
            names.UnionWith(NameMatcher.PlanNames(stem, compute.Kind, plan.Product));
            if (computeNames.Overlaps(names))
            {
                return true;
            }
            foreach (var (planned, infra) in resourceMatches)
            {
                if (NameMatcher.Normalize(planned.Name) == NameMatcher.Normalize(word) || NameMatcher.Normalize(planned.Name) == NameMatcher.Normalize(stem))
                {
                    if (infra.Exists(r => r.LogicalId == compute.LogicalId && r.Stack == compute.Stack))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static string List(IEnumerable<string> names)
    {
        var distinct = names.Distinct(StringComparer.Ordinal).ToList();
        return distinct.Count <= 4 ? string.Join(", ", distinct) : $"{string.Join(", ", distinct.Take(3))} and {distinct.Count - 3} more";
    }

    // ---- Secrets --------------------------------------------------------------------------------------------

    private static void DiffSecrets(DiffContext context, List<DiffFinding> findings)
    {
        var plan = context.Plan;
        var references = context.Infra.Secrets.Where(s => !s.Name.Contains("${", StringComparison.Ordinal)).ToList();

        foreach (var secret in plan.Secrets.DistinctBy(s => s.Name))
        {
            if (!references.Exists(r => SameSecret(secret.Name, r.Name)))
            {
                findings.Add(Finding(FindingKind.SecretNotReferenced, DiagnosticCatalog.DiffSecretNotReferenced, secret.Name,
                    secret.Location, null, null, secret.Name));
            }
        }

        // Secrets a variable row names count as planned too: the plan mentions them, even if not in the Secrets table.
        var plannedNames = plan.Secrets.Select(s => s.Name)
            .Concat(plan.Variables.SelectMany(v => new[] { v.Value }.Concat(v.PerEnvironment.Select(e => e.Value))).Select(v => v.Secret).OfType<string>())
            .ToList();
        var section = context.Section(plan.Sections.Secrets ?? plan.Sections.Configuration);
        foreach (var group in references.Where(r => !plannedNames.Exists(p => SameSecret(p, r.Name))).GroupBy(r => r.Name, StringComparer.Ordinal))
        {
            var first = group.First();
            findings.Add(Finding(FindingKind.SecretNotPlanned, DiagnosticCatalog.DiffSecretNotPlanned, group.Key,
                section, first.Location, null, group.Key, List(group.Select(r => r.Location.Display))));
        }

        foreach (var grant in context.Infra.WildcardGrants)
        {
            findings.Add(Finding(FindingKind.SecretWildcardGrant, DiagnosticCatalog.DiffSecretWildcardGrant, grant.Location.Display,
                section, grant.Location, null, grant.Location.Display, grant.Actions, grant.Resource));
        }
    }

    /// <summary>Secret names match exactly, or with the 6-character suffix a complete ARN adds.</summary>
    private static bool SameSecret(string planned, string infra) =>
        string.Equals(planned, infra, StringComparison.Ordinal)
        || (infra.Length == planned.Length + 7 && infra.StartsWith(planned + "-", StringComparison.Ordinal));
}
