namespace ArchPlan.Infrastructure;

/// <summary>Reads the relationships between a template's resources into <see cref="InfraModel.Edges"/>.</summary>
internal sealed partial class TemplateAnalyzer
{
    // Actions that say more than "read" or "write": a grant holding one of them is that, and its plumbing actions
    // (sqs:GetQueueUrl beside sqs:SendMessage) say nothing more. DynamoDB's stream reads are not here: CDK's
    // grantReadWriteData includes them, and a table's reader is said to read it.
    private static readonly (string Prefix, InfraEdgeKind Kind)[] SpecificActions =
    [
        ("sqs:SendMessage", InfraEdgeKind.Sends),
        ("sqs:ReceiveMessage", InfraEdgeKind.Consumes),
        ("sqs:DeleteMessage", InfraEdgeKind.Consumes),
        ("sqs:ChangeMessageVisibility", InfraEdgeKind.Consumes),
        ("sns:Publish", InfraEdgeKind.Publishes),
        ("lambda:InvokeFunction", InfraEdgeKind.Invokes),
        ("lambda:InvokeAsync", InfraEdgeKind.Invokes),
        ("states:StartExecution", InfraEdgeKind.Starts),
        ("states:StartSyncExecution", InfraEdgeKind.Starts),
        ("ecs:RunTask", InfraEdgeKind.Starts),
        ("ecs:StartTask", InfraEdgeKind.Starts),
        ("kinesis:GetRecords", InfraEdgeKind.Consumes),
        ("kinesis:GetShardIterator", InfraEdgeKind.Consumes),
        ("kinesis:SubscribeToShard", InfraEdgeKind.Consumes),
    ];

    private static readonly string[] ReadVerbs = ["Get", "List", "Describe", "Query", "Scan", "BatchGet", "Head", "Select", "ConditionCheck", "Receive"];

    private void ReadEdges()
    {
        var owners = RoleOwners();
        foreach (var (id, body) in _resources)
        {
            if (body["Properties"] is not TemplateMap properties)
            {
                continue;
            }
            var at = At(id, body.Line, body.Column);
            switch (body["Type"]?.Text)
            {
                case "AWS::Lambda::EventSourceMapping":
                    Connect(Targets(properties["EventSourceArn"]), Targets(properties["FunctionName"]), InfraEdgeKind.Triggers, at);
                    break;
                case "AWS::SNS::Subscription":
                    Deliver(Targets(properties["TopicArn"]), Targets(properties["Endpoint"]), at);
                    break;
                case "AWS::SNS::Topic":
                    foreach (var subscription in (properties["Subscription"] as TemplateList)?.Items.OfType<TemplateMap>() ?? [])
                    {
                        Deliver([id], Targets(subscription["Endpoint"]), at);
                    }
                    break;
                case "AWS::S3::Bucket":
                    Notifications([id], properties["NotificationConfiguration"], at);
                    break;
                case "Custom::S3BucketNotifications":
                    Notifications(Targets(properties["BucketName"]), properties["NotificationConfiguration"], at);
                    break;
                case "AWS::Events::Rule":
                    foreach (var target in (properties["Targets"] as TemplateList)?.Items.OfType<TemplateMap>() ?? [])
                    {
                        Start(id, target, at);
                    }
                    break;
                case "AWS::Scheduler::Schedule" when properties["Target"] is TemplateMap target:
                    Start(id, target, at);
                    break;
                case "AWS::ApiGateway::Method" when properties["Integration"] is TemplateMap integration:
                    Connect(Targets(properties["RestApiId"]), Targets(integration["Uri"]), InfraEdgeKind.Invokes, at);
                    break;
                case "AWS::ApiGatewayV2::Integration":
                    Connect(Targets(properties["ApiId"]), Targets(properties["IntegrationUri"]), InfraEdgeKind.Invokes, at);
                    break;
                case "AWS::StepFunctions::StateMachine":
                    foreach (var step in Targets(properties["DefinitionString"]).Concat(Targets(properties["Definition"]))
                        .Concat(Targets(properties["DefinitionSubstitutions"])).Distinct())
                    {
                        if (TypeOf(step) is "AWS::Lambda::Function" or "AWS::ECS::TaskDefinition" or "AWS::StepFunctions::StateMachine")
                        {
                            Add(id, step, TypeOf(step) == "AWS::Lambda::Function" ? InfraEdgeKind.Invokes : InfraEdgeKind.Starts, at);
                        }
                    }
                    break;
                case "AWS::SQS::Queue":
                    Connect([id], Targets((properties["RedrivePolicy"] as TemplateMap)?["deadLetterTargetArn"]), InfraEdgeKind.DeadLetters, at);
                    break;
                case "AWS::Lambda::Function":
                    Connect([id], Targets((properties["DeadLetterConfig"] as TemplateMap)?["TargetArn"]), InfraEdgeKind.DeadLetters, at);
                    break;
                case "AWS::CloudWatch::Alarm":
                    var actions = new[] { "AlarmActions", "OKActions", "InsufficientDataActions" };
                    Connect([id], actions.SelectMany(a => Targets(properties[a])).Distinct(), InfraEdgeKind.Notifies, at);
                    Connect([id], properties.Entries.Where(e => !actions.Contains(e.Key)).SelectMany(e => Targets(e.Value)).Distinct(), InfraEdgeKind.Watches, at);
                    break;
                case "AWS::IAM::Policy" or "AWS::IAM::ManagedPolicy":
                    Grants(Targets(properties["Roles"]).SelectMany(r => owners.GetValueOrDefault(r) ?? []).Distinct().ToList(), properties["PolicyDocument"], at);
                    break;
                case "AWS::IAM::Role" when owners.TryGetValue(id, out var roleOwners):
                    foreach (var policy in (properties["Policies"] as TemplateList)?.Items.OfType<TemplateMap>() ?? [])
                    {
                        Grants(roleOwners, policy["PolicyDocument"], at);
                    }
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>The resources each role acts for: a function's role, a task's task and execution roles, a rule target's role, any <c>RoleArn</c>.</summary>
    private Dictionary<string, List<string>> RoleOwners()
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Own(TemplateNode? role, string owner)
        {
            foreach (var id in Targets(role).Where(r => TypeOf(r) == "AWS::IAM::Role"))
            {
                var list = owners.TryGetValue(id, out var found) ? found : owners[id] = [];
                if (!list.Contains(owner))
                {
                    list.Add(owner);
                }
            }
        }
        foreach (var (id, body) in _resources)
        {
            if (body["Properties"] is not TemplateMap properties)
            {
                continue;
            }
            Own(properties["Role"], id);
            Own(properties["RoleArn"], id);
            Own(properties["TaskRoleArn"], id);
            Own(properties["ExecutionRoleArn"], id);
            foreach (var target in (properties["Targets"] as TemplateList)?.Items.OfType<TemplateMap>() ?? [])
            {
                Own(target["RoleArn"], id);
            }
            if (properties["Target"] is TemplateMap single)
            {
                Own(single["RoleArn"], id);
            }
        }
        return owners;
    }

    /// <summary>What an EventBridge rule or schedule target is started with: the task definition for ECS, else the target's ARN.</summary>
    private void Start(string rule, TemplateMap target, InfraLocation at)
    {
        var task = Targets((target["EcsParameters"] as TemplateMap)?["TaskDefinitionArn"]);
        foreach (var started in task.Count > 0 ? task : Targets(target["Arn"]))
        {
            var kind = TypeOf(started) switch
            {
                "AWS::ECS::TaskDefinition" or "AWS::StepFunctions::StateMachine" => InfraEdgeKind.Starts,
                "AWS::SQS::Queue" or "AWS::SNS::Topic" => InfraEdgeKind.Notifies,
                _ => InfraEdgeKind.Triggers,
            };
            Add(rule, started, kind, at);
        }
    }

    /// <summary>A subscription: a function is triggered, a queue (or anything else) is delivered to.</summary>
    private void Deliver(IEnumerable<string> from, IEnumerable<string> to, InfraLocation at)
    {
        foreach (var endpoint in to)
        {
            Connect(from, [endpoint], TypeOf(endpoint) == "AWS::Lambda::Function" ? InfraEdgeKind.Triggers : InfraEdgeKind.Notifies, at);
        }
    }

    /// <summary>A bucket's notifications: functions it triggers, queues and topics it notifies.</summary>
    private void Notifications(IReadOnlyList<string> buckets, TemplateNode? configuration, InfraLocation at)
    {
        if (configuration is not TemplateMap map)
        {
            return;
        }
        foreach (var (list, key) in new[] { ("LambdaFunctionConfigurations", "Function"), ("LambdaFunctionConfigurations", "LambdaFunctionArn"),
            ("QueueConfigurations", "Queue"), ("QueueConfigurations", "QueueArn"), ("TopicConfigurations", "Topic"), ("TopicConfigurations", "TopicArn") })
        {
            foreach (var item in (map[list] as TemplateList)?.Items.OfType<TemplateMap>() ?? [])
            {
                Deliver(buckets, Targets(item[key]), at);
            }
        }
    }

    /// <summary>The edges an IAM policy document gives each resource its role acts for, one per target and kind of access.</summary>
    private void Grants(IReadOnlyList<string> actors, TemplateNode? document, InfraLocation at)
    {
        if (actors.Count == 0)
        {
            return;
        }
        foreach (var statement in AllowStatements(document))
        {
            var kinds = AccessKinds(Items(statement["Action"]).Select(a => a.Text).OfType<string>().ToList());
            if (kinds.Count == 0)
            {
                continue;
            }
            foreach (var resource in Items(statement["Resource"]))
            {
                var targets = Targets(resource).Where(t => TypeOf(t) is not ("AWS::IAM::Role" or "AWS::KMS::Key" or "AWS::Logs::LogGroup")).ToList();
                string? secret = null;
                if (targets.Count == 0 && SecretNameOf(resource) is { IsWildcard: false } mention && !_generatedSecrets.Contains(mention.Name))
                {
                    var declared = _declaredSecrets.FirstOrDefault(d => d.Value == mention.Name).Key;
                    if (declared is null)
                    {
                        secret = mention.Name;
                    }
                    else
                    {
                        targets.Add(declared);
                    }
                }
                foreach (var actor in actors)
                {
                    foreach (var kind in kinds)
                    {
                        foreach (var target in targets.Where(t => t != actor))
                        {
                            Add(actor, target, kind, at);
                        }
                        if (secret is not null)
                        {
                            _builder.Edges.Add(new InfraEdge(actor, null, kind, secret, at));
                        }
                    }
                }
            }
        }
    }

    /// <summary>What a statement's actions let the role do: the specific kinds when there are any, else reads and/or writes.</summary>
    internal static List<InfraEdgeKind> AccessKinds(IReadOnlyList<string> actions)
    {
        var specific = new List<InfraEdgeKind>();
        var general = new List<InfraEdgeKind>();
        foreach (var action in actions)
        {
            if (action.StartsWith("iam:", StringComparison.OrdinalIgnoreCase) || action.StartsWith("kms:", StringComparison.OrdinalIgnoreCase)
                || action.StartsWith("xray:", StringComparison.OrdinalIgnoreCase) || action.StartsWith("logs:", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var match = SpecificActions.FirstOrDefault(s => action.StartsWith(s.Prefix, StringComparison.OrdinalIgnoreCase));
            if (match.Prefix is not null)
            {
                Include(specific, match.Kind);
                continue;
            }
            var colon = action.IndexOf(':', StringComparison.Ordinal);
            var verb = colon < 0 ? action : action[(colon + 1)..];
            if (verb == "*")
            {
                Include(general, InfraEdgeKind.Reads);
                Include(general, InfraEdgeKind.Writes);
            }
            else
            {
                Include(general, ReadVerbs.Any(r => verb.StartsWith(r, StringComparison.OrdinalIgnoreCase)) ? InfraEdgeKind.Reads : InfraEdgeKind.Writes);
            }
        }
        return specific.Count > 0 ? specific : general;

        static void Include(List<InfraEdgeKind> kinds, InfraEdgeKind kind)
        {
            if (!kinds.Contains(kind))
            {
                kinds.Add(kind);
            }
        }
    }

    /// <summary>The template's resources a value refers to (Ref, GetAtt, inside Join and Sub), each once, in order.</summary>
    private List<string> Targets(TemplateNode? node) =>
        node is null ? [] : [.. References(node).Select(r => r.Id).Where(_resources.ContainsKey).Distinct()];

    private string? TypeOf(string id) => _resources.TryGetValue(id, out var body) ? body["Type"]?.Text : null;

    private void Connect(IEnumerable<string> from, IEnumerable<string> to, InfraEdgeKind kind, InfraLocation at)
    {
        var targets = to.ToList();
        foreach (var source in from)
        {
            foreach (var target in targets)
            {
                Add(source, target, kind, at);
            }
        }
    }

    private void Add(string from, string to, InfraEdgeKind kind, InfraLocation at)
    {
        if (from != to)
        {
            _builder.Edges.Add(new InfraEdge(from, to, kind, null, at));
        }
    }
}
