using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using ArchPlan.Model;

namespace ArchPlan.Diffing;

/// <summary>Resources: planned ones missing from the infrastructure, and the infrastructure's ones the plan lacks.</summary>
public static partial class PlanDiffer
{
    private static readonly HashSet<ResourceKind> SupportingKinds =
    [
        ResourceKind.EcrRepository, ResourceKind.Vpc, ResourceKind.EcsCluster, ResourceKind.LogGroup, ResourceKind.IamRole,
        ResourceKind.SecretsManagerSecret, ResourceKind.KmsKey, ResourceKind.CloudWatchDashboard,
    ];

    /// <summary>Pairs plan resources with infrastructure resources; reports the ones on either side without a partner.</summary>
    /// <remarks>
    /// Every lookup goes through an index (name form → resources, logical id → resources, resource → the match lists
    /// holding it), so the cost grows with the plan plus the template rather than with their product.
    /// </remarks>
    private static Dictionary<PlannedResource, List<InfraResource>> MatchResources(DiffContext context)
    {
        var plan = context.Plan;
        // By reference: the records compare by value, and hashing a whole resource (its attributes, links, phrases) on
        // every lookup cost more than the matching itself.
        var matches = new Dictionary<PlannedResource, List<InfraResource>>(ReferenceEqualityComparer.Instance);
        var matched = new HashSet<InfraResource>(ReferenceEqualityComparer.Instance);
        var candidates = context.Infra.Resources.Where(r => r.Role is InfraRole.Primary or InfraRole.Supporting).ToList();

        // Each name form of each candidate, to the candidates (by position) that have it: its own names, and the names
        // of the construct scopes it sits in (tried only for plan items that name no resource themselves).
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var byScope = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < candidates.Count; i++)
        {
            var r = candidates[i];
            foreach (var name in NameMatcher.InfraNames(r.LogicalId, r.CdkPath, r.PhysicalName, r.Kind, plan.Product))
            {
                byName.ListFor(name).Add(i);
            }
            foreach (var name in NameMatcher.ScopeNames(r.CdkPath, r.Kind, plan.Product))
            {
                byScope.ListFor(name).Add(i);
            }
        }

        // The match lists each resource is in: two plan resources may match the same resource.
        var listsHolding = new Dictionary<InfraResource, List<List<InfraResource>>>(ReferenceEqualityComparer.Instance);
        void Note(InfraResource resource, List<InfraResource> list)
        {
            var lists = listsHolding.ListFor(resource);
            lists.Add(list);
        }

        foreach (var planned in plan.Resources)
        {
            var positions = new SortedSet<int>();
            // A name that collides with another once made an identifier has its spelling's suffix in the construct id.
            foreach (var name in NameMatcher.PlanNames(planned.Name, planned.Kind, plan.Product).Append(SpelledId(planned)))
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
        }

        // A plan item that names no resource may name the component (construct scope) its resource is in, unless
        // another plan item names that resource itself ("ingest API" is the handler in ingest_api, not the ingestor).
        foreach (var planned in plan.Resources.Where(p => matches[p].Count == 0))
        {
            var positions = new SortedSet<int>();
            foreach (var name in NameMatcher.PlanNames(planned.Name, planned.Kind, plan.Product))
            {
                if (byScope.TryGetValue(name, out var list))
                {
                    positions.UnionWith(list);
                }
            }
            var found = positions
                .Select(i => candidates[i])
                .Where(r => !matched.Contains(r) && (planned.Kind == ResourceKind.Unknown || NameMatcher.SameKind(planned.Kind, r)))
                .ToList();
            matches[planned] = found;
            found.ForEach(r => Note(r, found));
        }
        foreach (var planned in plan.Resources)
        {
            matched.UnionWith(matches[planned]);
        }

        MatchGenericResources(plan, candidates, matches, matched);
        CoverConstructScopes(plan, candidates, matches, matched);
        var parameters = MatchParameters(context, matches);

        foreach (var planned in plan.Resources)
        {
            if (parameters.Contains(planned))
            {
                continue;
            }
            // Supporting kinds are often imported (an existing VPC or ECR repository) or made implicitly, and an
            // external resource exists already and is only referenced: absent is not drift.
            if (matches[planned].Count == 0 && planned.Kind != ResourceKind.Unknown && !SupportingKinds.Contains(planned.Kind) && !planned.External)
            {
                context.Add(FindingKind.ResourceNotFound, DiagnosticCatalog.DiffResourceNotFound, planned.Name,
                    planned.Location, null, KindName(planned.Kind), [KindName(planned.Kind), planned.Name],
                    key: $"{planned.Name}|{planned.Location.Line}");
            }
        }

        var byId = candidates
            .GroupBy(r => (r.LogicalId, r.Stack))
            .ToDictionary(g => g.Key, g => g.ToList());
        List<InfraResource> Owners(InfraResource resource) => byId.GetValueOrDefault((resource.PartOf!, resource.Stack)) ?? [];

        // The planned resource each infrastructure resource was matched to.
        var plannedFor = new Dictionary<InfraResource, PlannedResource>(ReferenceEqualityComparer.Instance);
        foreach (var (planned, found) in matches)
        {
            foreach (var infra in found)
            {
                plannedFor.TryAdd(infra, planned);
            }
        }

        // A service's task definition belongs to the service, and the other way round; a dead-letter queue belongs to
        // its queue or function only when the plan gives that one a dead-letter queue.
        foreach (var resource in candidates.Where(r => r.PartOf is not null))
        {
            var owner = Owners(resource).FirstOrDefault();
            if (owner is not null && resource.Kind == ResourceKind.SqsQueue && owner.Kind is ResourceKind.LambdaFunction or ResourceKind.SqsQueue
                && plannedFor.TryGetValue(owner, out var ownerPlan) && !AsksForDeadLetterQueue(ownerPlan))
            {
                continue;
            }
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

        // A plan that lists no resources says nothing about which should exist: every resource would be "unplanned".
        if (plan.Resources.Count == 0)
        {
            context.ResourcesNotCompared = candidates.Exists(r => r.Role == InfraRole.Primary);
            return matches;
        }

        var location = context.Section(plan.Sections.AwsResources ?? plan.Sections.Infrastructure);
        foreach (var resource in candidates.Where(r => r.Role == InfraRole.Primary && !matched.Contains(r)))
        {
            // An unplanned service already reports its task definition.
            if (resource.PartOf is not null && Owners(resource).Exists(o => !matched.Contains(o)))
            {
                continue;
            }
            // The document names it in a paragraph (`estuary-crawler`): documented, though not listed.
            if (context.IsMentionedResource(resource))
            {
                continue;
            }
            // Named as its owners know it: the physical name it is given, else the construct id; the location gives the logical id.
            var kind = resource.Kind == ResourceKind.Unknown ? resource.Type : KindName(resource.Kind);
            var subject = PhysicalName(resource) ?? NameMatcher.ConstructId(resource.CdkPath) ?? resource.LogicalId;
            context.Add(FindingKind.ResourceNotPlanned, DiagnosticCatalog.DiffResourceNotPlanned, subject,
                location, resource.Location, resource.Type, [kind, subject, resource.Location.Display], key: $"{resource.Type}|{resource.LogicalId}");
        }
        return matches;
    }

    /// <summary>
    /// A plan item that names a construct scope (a Python app's <c>catalog_api</c> construct, matched through the
    /// function inside it) covers everything in that scope: the API, the function and the table the component is made of.
    /// </summary>
    private static void CoverConstructScopes(Plan plan, List<InfraResource> candidates, Dictionary<PlannedResource, List<InfraResource>> matches, HashSet<InfraResource> matched)
    {
        var members = new Dictionary<string, List<InfraResource>>(StringComparer.Ordinal);
        foreach (var candidate in candidates)
        {
            foreach (var (path, _) in NameMatcher.Scopes(candidate.CdkPath))
            {
                members.ListFor(path).Add(candidate);
            }
        }
        if (members.Count == 0)
        {
            return;
        }
        foreach (var planned in plan.Resources)
        {
            var found = matches[planned];
            if (!found.Exists(r => NameMatcher.Scopes(r.CdkPath).Any()))
            {
                continue;
            }
            var names = NameMatcher.PlanNames(planned.Name, planned.Kind, plan.Product);
            names.UnionWith(NameMatcher.PlanNames(planned.Name, ResourceKind.Unknown, plan.Product));
            var covered = new List<InfraResource>();
            foreach (var resource in found)
            {
                foreach (var (path, name) in NameMatcher.Scopes(resource.CdkPath))
                {
                    if (NameMatcher.PlanNames(name, ResourceKind.Unknown, plan.Product).Overlaps(names))
                    {
                        covered.AddRange(members[path].Where(m => !matched.Contains(m)));
                    }
                }
            }
            foreach (var resource in covered.Distinct(ReferenceEqualityComparer.Instance).Cast<InfraResource>())
            {
                matched.Add(resource);
                found.Add(resource);
            }
        }
    }

    /// <summary>
    /// Plan items that give an SSM parameter's path (<c>/trailhead/{stage}/bucket-name</c>) are looked for among the
    /// parameters (plumbing otherwise), by name with placeholders, and reported when no parameter has it.
    /// </summary>
    private static HashSet<PlannedResource> MatchParameters(DiffContext context, Dictionary<PlannedResource, List<InfraResource>> matches)
    {
        var paths = context.Plan.Resources.Where(p => p.Kind == ResourceKind.Unknown && p.Name.StartsWith('/') && matches[p].Count == 0).ToList();
        if (paths.Count == 0)
        {
            return [];
        }
        var parameters = context.Infra.Resources.Where(r => r.Type == "AWS::SSM::Parameter" && PhysicalName(r) is not null).ToList();
        foreach (var planned in paths)
        {
            var pattern = NamePattern(planned.Name);
            var found = parameters.Where(r => r.PhysicalName == planned.Name || pattern?.IsMatch(r.PhysicalName!) == true).ToList();
            matches[planned] = found;
            if (found.Count == 0 && !planned.External)
            {
                context.Add(FindingKind.ResourceNotFound, DiagnosticCatalog.DiffResourceNotFound, planned.Name,
                    planned.Location, null, "SSM parameter", ["SSM parameter", planned.Name], key: $"{planned.Name}|{planned.Location.Line}");
            }
        }
        return [.. paths];
    }

    private static string? PhysicalName(InfraResource resource) =>
        resource.PhysicalName is { Length: > 0 } name && !name.Contains("${", StringComparison.Ordinal) ? name : null;

    /// <summary>
    /// Plan items that name only a service or kind ("S3 Bucket", "AWS Lambda", "the DynamoDB table", "CloudFront
    /// distribution") stand for one resource of that kind in each stack: the one the stacks have in common first (an
    /// environment's extra bucket stays unplanned), else the first in the template. When every resource of the kind is
    /// already matched by name, the item describes one of those.
    /// </summary>
    private static void MatchGenericResources(Plan plan, List<InfraResource> candidates, Dictionary<PlannedResource, List<InfraResource>> matches, HashSet<InfraResource> matched)
    {
        // A parameter path ("/app/{stage}/distribution-id") names a parameter, whatever words it holds.
        var generic = plan.Resources
            .Where(p => matches[p].Count == 0 && !p.Name.StartsWith('/') && (p.Kind == ResourceKind.Unknown || p.NameIsDerived || NameMatcher.IsGeneric(p.Name)))
            .ToList();
        if (generic.Count == 0)
        {
            return;
        }

        // In how many stacks each logical id appears: the resources every environment has are the planned ones.
        var stacksHaving = candidates.GroupBy(r => r.LogicalId, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var position = new Dictionary<InfraResource, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < candidates.Count; i++)
        {
            position[candidates[i]] = i;
        }
        foreach (var planned in generic)
        {
            var ofKind = candidates
                .Where(r => planned.Kind == ResourceKind.Unknown ? NameMatcher.NamesType(planned.Name, r.Type) : NameMatcher.SameKind(planned.Kind, r))
                .ToList();
            if (ofKind.Count == 0)
            {
                continue;
            }
            var found = new List<InfraResource>();
            foreach (var stack in ofKind.GroupBy(r => r.Stack))
            {
                var pick = stack.Where(r => !matched.Contains(r) && r.PartOf is null)
                    .OrderByDescending(r => stacksHaving[r.LogicalId])
                    .ThenBy(r => position[r])
                    .FirstOrDefault();
                if (pick is not null)
                {
                    found.Add(pick);
                    matched.Add(pick);
                }
            }
            matches[planned] = found.Count > 0 ? found : ofKind;
        }
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

    /// <summary>True when the plan gives the resource a dead-letter queue ("DLQ after 5 receives", a listed DLQ folded into it).</summary>
    private static bool AsksForDeadLetterQueue(PlannedResource resource) =>
        resource.DeadLetterQueue
        || resource.Attributes.Any(a => a.Property is "DeadLetterQueue" or "MaxReceiveCount")
        || resource.Text.Contains("dlq", StringComparison.OrdinalIgnoreCase)
        || resource.Text.Contains("dead-letter", StringComparison.OrdinalIgnoreCase)
        || resource.Text.Contains("dead letter", StringComparison.OrdinalIgnoreCase);

    /// <summary>The construct id the generator gives a resource whose name collides with another's, normalized (see <see cref="Generation.Naming.ResourceIds"/>).</summary>
    private static string SpelledId(PlannedResource planned) =>
        Generation.Naming.ResourceIds.IsGenerated(planned)
            ? NameMatcher.Normalize(Generation.Naming.ResourceIds.WithSpelling(Generation.Naming.ResourceIds.Base(planned), planned.Name))
            : "";
}
