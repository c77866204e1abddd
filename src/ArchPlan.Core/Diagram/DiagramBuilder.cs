using System.Text;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Diffing;
using ArchPlan.Infrastructure;
using ArchPlan.Model;
using ArchPlan.Validation;

namespace ArchPlan.Diagram;

/// <summary>
/// Turns what the infrastructure holds into a <see cref="DiagramModel"/>: every resource a plan would name (compute,
/// APIs, schedules, queues, topics, data stores, secrets, alarms and resources ArchPlan has no kind for), and the edges
/// between them — triggers, targets, integrations, grants with their direction, dead-letter queues, alarm metrics, and
/// variables that carry a resource or secret. CDK's plumbing (roles, policies, permissions, VPC, log groups) is left
/// out; a service's task definition and a database's generated secret are drawn as the service and the database.
/// </summary>
public static class DiagramBuilder
{
    /// <param name="infra">The infrastructure read.</param>
    /// <param name="plan">The plan the diagram goes into, for its names of the resources (null: the infrastructure's names).</param>
    /// <param name="environment">Draw only the stacks for this environment (and those for none), when several were read.</param>
    public static StageResult<DiagramModel> Build(InfraModel infra, Plan? plan = null, string? environment = null)
    {
        var diagnostics = new DiagnosticBag();
        if (infra.SourceKind == InfraSourceKind.CdkSource)
        {
            diagnostics.Add(DiagnosticCatalog.DiagramSourceWithoutEdges, SourceLocation.OfFile(infra.Path));
        }
        // --environment leaves out the stacks for other environments (a stack for none stays).
        var excluded = environment is null
            ? []
            : infra.StackDetails.Where(d => d.Environment is not null && !string.Equals(d.Environment, environment, StringComparison.OrdinalIgnoreCase))
                .Select(d => d.Label ?? d.Id).ToHashSet(StringComparer.Ordinal);
        bool InScope(string? stack) => stack is null || !excluded.Contains(stack);

        var resources = infra.Resources.Where(r => InScope(r.Stack)).ToList();
        var byId = new Dictionary<(string?, string), InfraResource>();
        foreach (var resource in resources)
        {
            byId.TryAdd((resource.Stack, resource.LogicalId), resource);
        }

        var shown = resources.Where(r => Shown(r, byId)).ToList();
        var names = new NameChooser(plan);
        // The stacks that have something to draw: a stack of plumbing only (or none at all) is no group.
        var stackKeys = shown.Select(r => r.Stack)
            .Concat(infra.Secrets.Where(r => InScope(r.Location.Stack) && r.Origin != SecretOrigin.Declared).Select(r => r.Location.Stack))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var ids = new IdAllocator(stackKeys.Count > 1);
        var nodes = new Dictionary<(string?, string), DiagramNode>();
        foreach (var resource in shown.OrderBy(r => r.Stack, StringComparer.Ordinal).ThenBy(r => r.LogicalId, StringComparer.Ordinal))
        {
            var category = Category(resource);
            var name = names.Of(resource, diagnostics);
            var kind = KindText(resource);
            nodes[(resource.Stack, resource.LogicalId)] = new DiagramNode(ids.Allocate(Prefix(resource), NameMatcher.StripHash(resource.LogicalId), resource.Stack),
                name, kind, category, resource.Stack);
        }

        // Declared secrets by name, so an ARN naming one is drawn as that node.
        var declaredSecrets = new Dictionary<(string?, string), DiagramNode>();
        foreach (var resource in shown.Where(r => r.Role == InfraRole.Secret && r.PhysicalName is not null))
        {
            declaredSecrets.TryAdd((resource.Stack, resource.PhysicalName!), nodes[(resource.Stack, resource.LogicalId)]);
        }
        var secretNodes = new Dictionary<(string?, string), DiagramNode>();
        DiagramNode? SecretNode(string? stack, string name)
        {
            if (!IsReadableSecretName(name))
            {
                return null;
            }
            if (declaredSecrets.TryGetValue((stack, name), out var declared))
            {
                return declared;
            }
            if (!secretNodes.TryGetValue((stack, name), out var node))
            {
                node = new DiagramNode(ids.Allocate("secret", name, stack), names.OfSecret(name, diagnostics), "Secrets Manager secret", DiagramCategory.Secret, stack);
                secretNodes[(stack, name)] = node;
            }
            return node;
        }
        foreach (var reference in infra.Secrets.Where(s => InScope(s.Location.Stack) && s.Origin != SecretOrigin.Declared)
            .OrderBy(s => s.Location.Stack, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal))
        {
            SecretNode(reference.Location.Stack, reference.Name);
        }

        DiagramNode? NodeOf(string? stack, string logicalId)
        {
            // A task definition is drawn as its service, a generated secret as its database.
            for (var depth = 0; depth < 4; depth++)
            {
                if (nodes.TryGetValue((stack, logicalId), out var node))
                {
                    return node;
                }
                if (!byId.TryGetValue((stack, logicalId), out var resource) || resource.PartOf is not { } owner)
                {
                    return null;
                }
                logicalId = owner;
            }
            return null;
        }

        var edges = new EdgeSet();
        foreach (var edge in infra.Edges.Where(e => InScope(e.Stack)))
        {
            var from = NodeOf(edge.Stack, edge.From);
            var to = edge.To is { } target ? NodeOf(edge.Stack, target) : SecretNode(edge.Stack, edge.SecretName!);
            if (from is not null && to is not null)
            {
                edges.Add(from.Id, to.Id, edge.Kind);
            }
        }
        foreach (var compute in infra.Compute.Where(c => !c.IsHelper && InScope(c.Stack)))
        {
            if (NodeOf(compute.Stack, compute.LogicalId) is not { } from)
            {
                continue;
            }
            foreach (var variable in compute.Environment.Concat(compute.Secrets))
            {
                var to = variable.Value switch
                {
                    { Kind: InfraValueKind.Reference, ResourceId: { } id } => NodeOf(compute.Stack, id),
                    { Kind: InfraValueKind.Secret, SecretName: { } secret } => SecretNode(compute.Stack, secret),
                    _ => null,
                };
                if (to is not null)
                {
                    edges.AddVariable(from.Id, to.Id, names.OfVariable(variable, compute, diagnostics));
                }
            }
        }

        var drawn = nodes.Values.Concat(secretNodes.Values).Select(n => n.Stack).ToHashSet();
        var stackTitles = ids.Grouped
            ? stackKeys.Where(drawn.Contains).Select(key => new DiagramStack(ids.StackGroup(key), names.OfStack(
                    infra.StackDetails.FirstOrDefault(d => d.Label == key) ?? infra.StackDetails.FirstOrDefault(d => d.Id == key) ?? new InfraStack { Id = key ?? "stack" },
                    infra.Path, diagnostics)))
                .ToEquatableArray()
            : EquatableArray<DiagramStack>.Empty;
        var allNodes = nodes.Values.Concat(secretNodes.Values)
            .Select(n => n with { Stack = ids.Grouped ? ids.StackGroup(n.Stack) : null })
            .OrderBy(n => n.Stack, StringComparer.Ordinal)
            .ThenBy(n => n.Category)
            .ThenBy(n => n.Name, StringComparer.Ordinal)
            .ThenBy(n => n.Id, StringComparer.Ordinal)
            .ToEquatableArray();
        var model = new DiagramModel { Stacks = stackTitles, Nodes = allNodes, Edges = edges.Build() };
        return new StageResult<DiagramModel>(model, diagnostics.ToImmutableSorted());
    }

    /// <summary>Whether a resource is drawn as its own node: what a plan names, and secrets a person declared.</summary>
    private static bool Shown(InfraResource resource, Dictionary<(string?, string), InfraResource> byId) => resource.Role switch
    {
        InfraRole.Primary => !(resource.Type == "AWS::ECS::TaskDefinition" && resource.PartOf is { } owner
            && byId.TryGetValue((resource.Stack, owner), out var service) && service.Type == "AWS::ECS::Service"),
        InfraRole.Secret => resource.PartOf is null,
        _ => false,
    };

    private static DiagramCategory Category(InfraResource resource) => resource.Kind switch
    {
        ResourceKind.LambdaFunction or ResourceKind.FargateService or ResourceKind.FargateTask or ResourceKind.StateMachine => DiagramCategory.Compute,
        ResourceKind.RestApi or ResourceKind.HttpApi => DiagramCategory.Api,
        ResourceKind.EventBridgeRule => DiagramCategory.Schedule,
        ResourceKind.SqsQueue => DiagramCategory.Queue,
        ResourceKind.SnsTopic => DiagramCategory.Topic,
        ResourceKind.DynamoDbTable or ResourceKind.S3Bucket or ResourceKind.RdsInstance or ResourceKind.AuroraCluster => DiagramCategory.DataStore,
        ResourceKind.CloudWatchAlarm => DiagramCategory.Alarm,
        _ when resource.Role == InfraRole.Secret => DiagramCategory.Secret,
        _ => DiagramCategory.Other,
    };

    private static string Prefix(InfraResource resource) => resource.Kind switch
    {
        ResourceKind.LambdaFunction => "fn",
        ResourceKind.FargateService => "svc",
        ResourceKind.FargateTask => "task",
        ResourceKind.StateMachine => "sfn",
        ResourceKind.RestApi or ResourceKind.HttpApi => "api",
        ResourceKind.EventBridgeRule => "rule",
        ResourceKind.SqsQueue => "queue",
        ResourceKind.SnsTopic => "topic",
        ResourceKind.DynamoDbTable => "table",
        ResourceKind.S3Bucket => "bucket",
        ResourceKind.RdsInstance or ResourceKind.AuroraCluster => "db",
        ResourceKind.CloudWatchAlarm => "alarm",
        _ when resource.Role == InfraRole.Secret => "secret",
        _ => "res",
    };

    /// <summary>The kind as AWS spells it, with a rule's schedule.</summary>
    private static string KindText(InfraResource resource)
    {
        var kind = resource.Type switch
        {
            "AWS::Lambda::Function" or "AWS::Serverless::Function" => "Lambda function",
            "AWS::ECS::Service" => "Fargate service",
            "AWS::ECS::TaskDefinition" => "Fargate task",
            "AWS::StepFunctions::StateMachine" => "Step Functions state machine",
            "AWS::ApiGateway::RestApi" => "API Gateway REST API",
            "AWS::ApiGatewayV2::Api" => "API Gateway HTTP API",
            "AWS::Events::Rule" => "EventBridge rule",
            "AWS::Scheduler::Schedule" => "EventBridge Scheduler schedule",
            "AWS::SQS::Queue" => "SQS queue",
            "AWS::SNS::Topic" => "SNS topic",
            "AWS::DynamoDB::Table" or "AWS::DynamoDB::GlobalTable" => "DynamoDB table",
            "AWS::S3::Bucket" => "S3 bucket",
            "AWS::RDS::DBInstance" => "RDS database",
            "AWS::RDS::DBCluster" => "Aurora cluster",
            "AWS::CloudWatch::Alarm" => "CloudWatch alarm",
            "AWS::SecretsManager::Secret" => "Secrets Manager secret",
            _ => resource.Type,
        };
        return resource.Schedule is { Length: > 0 } schedule ? $"{kind}, {schedule}" : kind;
    }

    private static bool IsReadableSecretName(string name) =>
        name.Length > 0 && !name.Contains("${", StringComparison.Ordinal) && !name.Contains("{{", StringComparison.Ordinal)
        && !name.StartsWith("arn:", StringComparison.Ordinal) && !name.Contains('*', StringComparison.Ordinal);

    /// <summary>Text without control, bidi or zero-width characters, on one line.</summary>
    internal static string Clean(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune.Value is '\n' or '\r' or '\t')
            {
                builder.Append(' ');
            }
            else if (!Validation.Shown.IsHidden(rune.Value))
            {
                builder.Append(rune.ToString());
            }
        }
        return builder.ToString().Trim();
    }

    /// <summary>Names nodes: the plan's name for the resource when the plan has it, else the infrastructure's; never a credential.</summary>
    private sealed class NameChooser(Plan? plan)
    {
        private readonly List<(PlannedResource Resource, HashSet<string> Names)> _planned =
            plan is null ? [] : [.. plan.Resources.Select(r => (r, NameMatcher.PlanNames(r.Name, r.Kind, plan?.Product)))];

        public string Of(InfraResource resource, DiagnosticBag diagnostics)
        {
            string name;
            if (resource.Role == InfraRole.Secret && resource.PhysicalName is { Length: > 0 } secretName)
            {
                name = secretName;
            }
            else
            {
                var infraNames = NameMatcher.InfraNames(resource.LogicalId, resource.CdkPath, resource.PhysicalName, resource.Kind, plan?.Product);
                var planned = resource.Role == InfraRole.Primary && resource.Kind != ResourceKind.Unknown
                    ? _planned.FirstOrDefault(p => NameMatcher.SameKind(p.Resource.Kind, resource) && p.Names.Overlaps(infraNames)).Resource
                    : null;
                name = planned?.Name
                    ?? (resource.PhysicalName is { Length: > 0 } physical && !physical.Contains("${", StringComparison.Ordinal) ? physical : null)
                    ?? NameMatcher.ConstructId(resource.CdkPath)
                    ?? NameMatcher.StripHash(resource.LogicalId);
            }
            return Safe(Clean(name), resource.Location.Display, resource.Location.Source, diagnostics);
        }

        public string OfVariable(InfraVariable variable, ComputeResource compute, DiagnosticBag diagnostics) =>
            Safe(Clean(variable.Name), $"a variable of {compute.DisplayName}", variable.Location.Source, diagnostics);

        public string OfStack(InfraStack stack, string path, DiagnosticBag diagnostics) =>
            Safe(Clean(stack.DisplayName ?? stack.StackName ?? stack.Id), "a stack", SourceLocation.OfFile(stack.TemplatePath ?? path), diagnostics);

        public string OfSecret(string name, DiagnosticBag diagnostics) =>
            Safe(Clean(name), $"secret '{Clean(name)}'", SourceLocation.OfFile(plan?.FilePath ?? "infrastructure"), diagnostics, showWhat: false);

        private static string Safe(string name, string what, SourceLocation location, DiagnosticBag diagnostics, bool showWhat = true)
        {
            if (CredentialScanner.Scan(name) is not { } kind)
            {
                return name.Length > 80 ? name[..79] + "…" : name;
            }
            const string Withheld = "(name withheld)";
            diagnostics.Add(DiagnosticCatalog.DiagramNameWithheld, location, showWhat ? what : "a secret", CredentialScanner.Describe(kind), Withheld);
            return Withheld;
        }
    }

    /// <summary>Mermaid ids: a prefix and the logical id without hash, made safe; unique (a counter after a clash).</summary>
    private sealed class IdAllocator(bool grouped)
    {
        private readonly HashSet<string> _used = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _groups = new(StringComparer.Ordinal);

        public bool Grouped { get; } = grouped;

        public string Allocate(string prefix, string name, string? stack)
        {
            var id = prefix + "_" + (Grouped && stack is not null ? Safe(stack) + "_" : "") + Safe(name);
            var unique = id;
            for (var i = 2; !_used.Add(unique); i++)
            {
                unique = $"{id}_{i}";
            }
            return unique;
        }

        public string StackGroup(string? stack)
        {
            var key = stack ?? "";
            if (!_groups.TryGetValue(key, out var id))
            {
                id = "stack_" + Safe(key.Length == 0 ? "main" : key);
                _groups[key] = id;
            }
            return id;
        }

        private static string Safe(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
            }
            return builder.Length == 0 ? "x" : builder.ToString();
        }
    }

    /// <summary>The edges, one per ordered pair, with every relationship between the two in a fixed order.</summary>
    private sealed class EdgeSet
    {
        private readonly Dictionary<(string From, string To), (HashSet<InfraEdgeKind> Kinds, SortedSet<string> Variables)> _edges = [];

        public void Add(string from, string to, InfraEdgeKind kind)
        {
            if (from != to)
            {
                Entry(from, to).Kinds.Add(kind);
            }
        }

        public void AddVariable(string from, string to, string name)
        {
            if (from != to && name.Length > 0)
            {
                Entry(from, to).Variables.Add(name);
            }
        }

        private (HashSet<InfraEdgeKind> Kinds, SortedSet<string> Variables) Entry(string from, string to)
        {
            if (!_edges.TryGetValue((from, to), out var entry))
            {
                entry = ([], new SortedSet<string>(StringComparer.Ordinal));
                _edges[(from, to)] = entry;
            }
            return entry;
        }

        public EquatableArray<DiagramEdge> Build()
        {
            // A queue or stream that triggers a function is what the function consumes: one arrow says it.
            foreach (var ((from, to), entry) in _edges)
            {
                if (entry.Kinds.Contains(InfraEdgeKind.Consumes) && _edges.TryGetValue((to, from), out var reverse) && reverse.Kinds.Contains(InfraEdgeKind.Triggers))
                {
                    entry.Kinds.Remove(InfraEdgeKind.Consumes);
                }
            }
            return _edges
                .Where(e => e.Value.Kinds.Count > 0 || e.Value.Variables.Count > 0)
                .OrderBy(e => e.Key.From, StringComparer.Ordinal)
                .ThenBy(e => e.Key.To, StringComparer.Ordinal)
                .Select(e => new DiagramEdge(e.Key.From, e.Key.To, Label(e.Value.Kinds, e.Value.Variables)))
                .ToEquatableArray();
        }

        private static string Label(HashSet<InfraEdgeKind> kinds, SortedSet<string> variables)
        {
            var words = new List<string>();
            foreach (var kind in Enum.GetValues<InfraEdgeKind>().Where(kinds.Contains))
            {
                switch (kind)
                {
                    case InfraEdgeKind.Reads when kinds.Contains(InfraEdgeKind.Writes):
                        words.Add("reads/writes");
                        break;
                    case InfraEdgeKind.Writes when kinds.Contains(InfraEdgeKind.Reads):
                        break;
                    case InfraEdgeKind.DeadLetters:
                        words.Add("dead letters");
                        break;
                    default:
                        words.Add(kind.ToString().ToLowerInvariant());
                        break;
                }
            }
            words.AddRange(variables.Select(v => "env " + v));
            return string.Join(", ", words);
        }
    }
}
