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

            // Supporting kinds are often imported (an existing VPC or ECR repository) or made implicitly, and an
            // external resource exists already and is only referenced: absent is not drift.
            if (found.Count == 0 && planned.Kind != ResourceKind.Unknown && !SupportingKinds.Contains(planned.Kind) && !planned.External)
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
            var kind = resource.Kind == ResourceKind.Unknown ? resource.Type : KindName(resource.Kind);
            var subject = resource.Stack is null ? resource.LogicalId : $"{resource.Stack}/{resource.LogicalId}";
            context.Add(FindingKind.ResourceNotPlanned, DiagnosticCatalog.DiffResourceNotPlanned, subject,
                location, resource.Location, resource.Type, [kind, subject], key: $"{resource.Type}|{resource.LogicalId}");
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
}
