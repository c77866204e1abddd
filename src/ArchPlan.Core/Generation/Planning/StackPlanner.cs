using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Naming;
using ArchPlan.Generation.ViewModel;
using ArchPlan.Model;

namespace ArchPlan.Generation.Planning;

/// <summary>
/// Decides what the generated stack contains: one construct per supported resource, the wiring between them
/// (variables, secrets, grants, triggers), and the CDK context seeded in cdk.json. Produces the view model.
/// </summary>
internal sealed partial class StackPlanner
{
    /// <summary>The context key that selects the environment, and the one holding per-environment values.</summary>
    public const string EnvironmentKey = "environment";
    public const string EnvironmentsKey = "environments";

    private static readonly string[] StackMembers =
    [
        "Vpc", "Cluster", "Settings", "DefinePlannedResources", "SetVariable", "Account", "Region", "Node", "Tags",
        "Environment", "Partition", "UrlSuffix", "StackName", "StackId", "Stage", "Nested", "Synthesizer",
        "TemplateFile", "TemplateOptions", "ArtifactId", "AvailabilityZones", "Dependencies", "NotificationArns",
        "TerminationProtection", "Of", "IsStack", "ToString", "Equals", "GetHashCode", "GetType",
    ];

    private static readonly HashSet<string> LambdaReserved = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "AWS_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ",
    };

    private static readonly Dictionary<string, string> KnownRuntimes = new(StringComparer.Ordinal)
    {
        ["python3.9"] = "PYTHON_3_9", ["python3.10"] = "PYTHON_3_10", ["python3.11"] = "PYTHON_3_11", ["python3.12"] = "PYTHON_3_12",
        ["nodejs18.x"] = "NODEJS_18_X", ["nodejs20.x"] = "NODEJS_20_X",
        ["java11"] = "JAVA_11", ["java17"] = "JAVA_17", ["java21"] = "JAVA_21",
        ["dotnet8"] = "DOTNET_8", ["ruby3.2"] = "RUBY_3_2", ["ruby3.3"] = "RUBY_3_3",
        ["provided.al2"] = "PROVIDED_AL2", ["provided.al2023"] = "PROVIDED_AL2023",
    };

    private readonly Plan _plan;
    private readonly GeneratorOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly NameScope _members = new(StackMembers);
    private readonly List<Node> _nodes = [];
    private readonly List<WiringView> _wiring = [];
    private readonly HashSet<string> _wiringKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SecretView> _secrets = new(StringComparer.Ordinal);
    private readonly List<SecretView> _secretOrder = [];
    private readonly Dictionary<Node, Dictionary<string, EnvVariable>> _keysByCompute = [];
    private readonly Dictionary<Node, int> _lambdaEnvironmentBytes = [];
    private readonly Dictionary<Node, List<(Node Target, string Kind)>> _ruleTargets = [];
    private readonly Dictionary<Node, Node> _apiFunctions = [];
    private readonly Dictionary<Node, Node> _alarmTopics = [];
    private readonly Dictionary<Node, Node> _alarmSources = [];
    private readonly HashSet<string> _warnedContainerSecrets = new(StringComparer.Ordinal);
    private readonly List<ReadmeVariableView> _readme = [];
    private readonly List<string> _notes = [];

    public StackPlanner(Plan plan, GeneratorOptions options, DiagnosticBag diagnostics)
    {
        _plan = plan;
        _options = options;
        _diagnostics = diagnostics;
    }

    private string PlanFile => _plan.FilePath;

    /// <summary>Builds the view model, or returns null after reporting why the plan cannot be generated.</summary>
    public AppView? Build()
    {
        var product = _plan.Product;
        if (string.IsNullOrWhiteSpace(product))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationNoProduct, _plan.ProductLocation ?? _plan.FrontMatter.Location);
            return null;
        }
        if (!ProductPattern().IsMatch(product))
        {
            var suggestion = Words.ToKebab(product);
            _diagnostics.Add(DiagnosticCatalog.GenerationInvalidProduct, _plan.ProductLocation ?? _plan.FrontMatter.Location,
                product, suggestion.Length == 0 ? "my-product" : suggestion);
            return null;
        }

        CreateNodes();
        foreach (var secret in _plan.Secrets)
        {
            CheckSecretName(secret.Name, secret.Location);
            ImportSecret(secret.Name);
        }
        WireLinks();
        AddOwnSchedules();
        var settings = PlanVariables(out var contextJson, out var environments);
        CheckLambdaEnvironmentSizes();

        var projectName = Words.ToPascal(product);
        if (char.IsAsciiDigit(projectName[0]))
        {
            projectName = "_" + projectName;
        }
        var ns = ReservedNamespaces.Contains(projectName) ? projectName + "App" : projectName;
        var stackClass = StackClassName(projectName);
        var projectPath = $"src/{projectName}/{projectName}.csproj";
        var sourcePlan = string.IsNullOrEmpty(_options.SourcePlanPath) ? _plan.FilePath : _options.SourcePlanPath;

        return new AppView
        {
            Product = product,
            ProjectName = projectName,
            Namespace = ns,
            StackClass = stackClass,
            StackId = stackClass,
            SourcePlan = sourcePlan,
            PlanTitle = _plan.DisplayName,
            CdkLibVersion = _options.CdkLibVersion,
            ConstructsVersion = _options.ConstructsVersion,
            TargetFramework = "net10.0",
            AppCommand = $"dotnet run --project {projectPath}",
            ProjectPath = projectPath,
            ProjectGuid = StableGuid("project:" + product),
            SolutionGuid = StableGuid("solution:" + product),
            ContextJson = contextJson,
            Environments = environments,
            EnvironmentKey = EnvironmentKey,
            EnvironmentsKey = EnvironmentsKey,
            Settings = settings,
            Secrets = _secretOrder,
            NeedsVpc = _nodes.Any(n => n.IsContainer || n.Kind is ResourceKind.RdsInstance or ResourceKind.AuroraCluster),
            NeedsCluster = _nodes.Any(n => n.IsContainer),
            Buckets = [.. Of(ResourceKind.S3Bucket).Select(n => new BucketView(n.Member, Id(n.Member), n.Origin))],
            Tables = [.. Of(ResourceKind.DynamoDbTable).Select(n => new TableView(n.Member, Id(n.Member), n.Stream, n.Origin))],
            Queues = [.. Of(ResourceKind.SqsQueue).Select(n => new QueueView(n.Member, Id(n.Member), n.DeadLetterMember ?? "",
                n.DeadLetterMember is null ? "" : Id(n.DeadLetterMember), n.VisibilityTimeoutSeconds ?? 0, n.Origin))],
            Topics = [.. Of(ResourceKind.SnsTopic).Select(n => new TopicView(n.Member, Id(n.Member), n.Origin))],
            Databases = [.. _nodes.Where(n => n.Kind is ResourceKind.RdsInstance or ResourceKind.AuroraCluster).Select(DatabaseOf)],
            StateMachines = [.. Of(ResourceKind.StateMachine).Select(StateMachineOf)],
            Functions = [.. Of(ResourceKind.LambdaFunction).Select(FunctionOf)],
            Containers = [.. _nodes.Where(n => n.IsContainer).Select(ContainerOf)],
            Wiring = _wiring,
            Rules = [.. Of(ResourceKind.EventBridgeRule).Select(RuleOf)],
            Apis = [.. _nodes.Where(n => n.Kind is ResourceKind.RestApi or ResourceKind.HttpApi && _apiFunctions.ContainsKey(n)).Select(ApiOf)],
            Alarms = [.. Of(ResourceKind.CloudWatchAlarm).Where(_alarmSources.ContainsKey).Select(AlarmOf)],
            ReadmeVariables = _readme,
            Notes = _notes,
        };
    }

    private static readonly HashSet<string> ReservedNamespaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "System", "Amazon", "Constructs", "Microsoft", "Cdk", "Lambda", "S3", "Dynamo", "Sqs", "Sns", "Ec2", "Ecs", "Ecr",
        "Events", "Targets", "HttpApis", "HttpIntegrations", "RestApis", "CloudWatch", "AlarmActions", "Rds", "Sfn",
        "Secrets", "EventSources", "Iam",
        // Types the templates name without qualification (a namespace 'App' hides Amazon.CDK.App: found by the property test).
        "App", "Stack", "StackProps", "IStackProps", "Construct", "Node", "Program", "PlanSettings", "Environment",
        "Duration", "Console", "Math", "String", "Object", "Exception", "Convert", "InvalidOperationException", "CultureInfo",
    };

    private IEnumerable<Node> Of(ResourceKind kind) => _nodes.Where(n => n.Kind == kind);

    // Construct ids are the members without '@': unique because members are, and free of '/'.
    private static string Id(string member) => member.TrimStart('@');

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*\\z")]
    private static partial Regex ProductPattern();

    private string StackClassName(string projectName)
    {
        var source = _plan.StackFileName;
        string words;
        if (!string.IsNullOrWhiteSpace(source))
        {
            var file = source.Replace('\\', '/');
            file = file[(file.LastIndexOf('/') + 1)..];
            var dot = file.IndexOf('.', StringComparison.Ordinal);
            words = dot > 0 ? file[..dot] : file;
        }
        else
        {
            words = _plan.FrontMatter.Title ?? projectName;
        }
        var name = CSharpNames.WithSuffix(words, "Stack", projectName + "Stack");
        // A class named Stack would derive from itself (title or product "stack": found by the property test).
        return name.StartsWith('@') ? name[1..] + "Stack" : name == "Stack" ? projectName + "Stack" : name;
    }

    private static string StableGuid(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16)).ToString("D").ToUpperInvariant();
    }

    // ----- resources -----

    private void CreateNodes()
    {
        var order = 0;
        foreach (var resource in _plan.Resources)
        {
            var suffix = resource.Kind switch
            {
                ResourceKind.LambdaFunction => "Function",
                ResourceKind.FargateService => "Service",
                ResourceKind.FargateTask => "Task",
                ResourceKind.S3Bucket => "Bucket",
                ResourceKind.DynamoDbTable => "Table",
                ResourceKind.SqsQueue => "Queue",
                ResourceKind.SnsTopic => "Topic",
                ResourceKind.EventBridgeRule => "Rule",
                ResourceKind.RestApi or ResourceKind.HttpApi => "Api",
                ResourceKind.CloudWatchAlarm => "Alarm",
                ResourceKind.RdsInstance or ResourceKind.AuroraCluster => "Database",
                ResourceKind.StateMachine => "StateMachine",
                _ => null,
            };
            if (resource.Kind == ResourceKind.Unknown)
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationUnknownResource, resource.Location, resource.Text);
            }
            if (suffix is null)
            {
                continue;
            }

            var member = _members.Claim(CSharpNames.WithSuffix(resource.Name, suffix, suffix));
            var node = new Node(resource, member, order++);
            var stem = StripSuffix(Id(member), suffix);
            switch (resource.Kind)
            {
                case ResourceKind.SqsQueue when resource.DeadLetterQueue:
                    node.DeadLetterMember = _members.Claim(stem + "DeadLetterQueue");
                    break;
                case ResourceKind.FargateService or ResourceKind.FargateTask:
                    node.TaskDefinitionMember = _members.Claim(stem + "TaskDefinition");
                    node.ContainerMember = _members.Claim(stem + "Container");
                    node.SecurityGroupMember = _members.Claim(stem + "SecurityGroup");
                    break;
                default:
                    break;
            }
            _nodes.Add(node);
        }
    }

    private static string StripSuffix(string member, string suffix) =>
        member.Length > suffix.Length && member.EndsWith(suffix, StringComparison.Ordinal) ? member[..^suffix.Length] : member;

    /// <summary>Finds the node a plan reference names: exact name, then case/separator-insensitive, then tolerant (if unique).</summary>
    private Node? Find(string reference, Func<Node, bool>? filter = null)
    {
        var candidates = filter is null ? _nodes : [.. _nodes.Where(filter)];
        var exact = candidates.FirstOrDefault(n => string.Equals(n.Name, reference, StringComparison.Ordinal));
        if (exact is not null)
        {
            return exact;
        }
        var squashed = Words.Squash(reference);
        var same = candidates.FirstOrDefault(n => n.Squashed == squashed && squashed.Length > 0);
        if (same is not null)
        {
            return same;
        }
        var stems = NameMatcher.Stems(reference);
        var tolerant = candidates.Where(n => NameMatcher.Matches(stems, n.Stems)).ToList();
        return tolerant.Count == 1 ? tolerant[0] : null;
    }

    private void WireLinks()
    {
        foreach (var source in _nodes.ToList())
        {
            foreach (var link in source.Resource.Links)
            {
                var target = Find(link.Target);
                if (target is null)
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationLinkTargetMissing, source.Resource.Location, source.Name, link.Target);
                    continue;
                }
                if (!WireLink(source, link.Kind, target) && !WireLink(target, link.Kind, source))
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationLinkNotWired, source.Resource.Location,
                        source.Name, LinkPhrase(link.Kind), target.Name);
                }
            }
        }

        foreach (var api in _nodes.Where(n => n.Kind is ResourceKind.RestApi or ResourceKind.HttpApi))
        {
            if (!_apiFunctions.ContainsKey(api))
            {
                var functions = Of(ResourceKind.LambdaFunction).ToList();
                if (functions.Count == 1)
                {
                    _apiFunctions[api] = functions[0];
                }
                else
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationApiWithoutFunction, api.Resource.Location, api.Name);
                }
            }
        }

        var metricSources = new MetricSources(_nodes.Where(HasMetric).ToList());
        foreach (var alarm in Of(ResourceKind.CloudWatchAlarm))
        {
            ChooseAlarmSource(alarm, metricSources);
        }
    }

    private static string LinkPhrase(LinkKind kind) => kind switch
    {
        LinkKind.Triggers => "triggers",
        LinkKind.Fronts => "fronts",
        LinkKind.Starts => "starts",
        LinkKind.Notifies => "notifies",
        _ => "uses",
    };

    /// <summary>Wires one stated relationship; false when this direction and kind mean nothing the generator builds.</summary>
    private bool WireLink(Node source, LinkKind kind, Node target)
    {
        switch (kind)
        {
            case LinkKind.Triggers or LinkKind.Starts when source.Kind == ResourceKind.EventBridgeRule:
                var ruleTarget = target.Kind switch
                {
                    ResourceKind.LambdaFunction => "lambda",
                    ResourceKind.FargateTask => "ecs_task",
                    ResourceKind.StateMachine => "state_machine",
                    _ => null,
                };
                if (ruleTarget is null)
                {
                    return false;
                }
                AddRuleTarget(source, target, ruleTarget);
                return true;
            case LinkKind.Triggers when target.IsLambda:
                return AddEventSource(source, target);
            case LinkKind.Triggers when target.IsContainer && source.Kind == ResourceKind.SqsQueue:
                // A worker that processes a queue polls it itself: it needs the queue's grants, no event source.
                return AddGrants(target, source);
            case LinkKind.Starts when source.IsCompute && target.Kind == ResourceKind.StateMachine:
                AddGrants(source, target);
                return true;
            case LinkKind.Fronts when source.Kind is ResourceKind.RestApi or ResourceKind.HttpApi && target.IsLambda:
                _apiFunctions.TryAdd(source, target);
                return true;
            case LinkKind.Notifies when source.Kind == ResourceKind.CloudWatchAlarm && target.Kind == ResourceKind.SnsTopic:
                _alarmTopics.TryAdd(source, target);
                return true;
            case LinkKind.Notifies or LinkKind.Uses when source.Kind == ResourceKind.CloudWatchAlarm && HasMetric(target):
                _alarmSources.TryAdd(source, target);
                return true;
            case LinkKind.Notifies when source.Kind == ResourceKind.S3Bucket && target.IsLambda:
                return AddEventSource(source, target);
            case LinkKind.Notifies or LinkKind.Uses when source.IsCompute && !target.IsCompute:
                return AddGrants(source, target) || AddConnection(source, target);
            case LinkKind.Uses when source.IsCompute && target.IsLambda:
                return AddGrants(source, target);
            default:
                return false;
        }
    }

    private void AddRuleTarget(Node rule, Node target, string kind)
    {
        var targets = _ruleTargets.ListFor(rule);
        if (!targets.Any(t => t.Target == target))
        {
            targets.Add((target, kind));
        }
    }

    private bool AddEventSource(Node source, Node function)
    {
        var sourceKind = source.Kind switch
        {
            ResourceKind.SqsQueue => "sqs",
            ResourceKind.S3Bucket => "s3",
            ResourceKind.SnsTopic => "sns",
            ResourceKind.DynamoDbTable => "dynamo",
            _ => null,
        };
        if (sourceKind is null)
        {
            return false;
        }
        if (source.Kind == ResourceKind.DynamoDbTable)
        {
            source.Stream = true;
        }
        if (source.Kind == ResourceKind.SqsQueue)
        {
            // SQS requires a visibility timeout at least as long as the function's; AWS recommends six times.
            var timeout = Math.Clamp(function.Resource.TimeoutSeconds ?? 3, 1, 900);
            source.VisibilityTimeoutSeconds = Math.Min(43200, Math.Max(source.VisibilityTimeoutSeconds ?? 30, timeout * 6));
        }
        AddWiring(new WiringView { Kind = "event_source", Target = function.Member, Source = source.Member, Method = sourceKind });
        return true;
    }

    private bool AddGrants(Node compute, Node resource)
    {
        var grants = ResourceWords.Grants(resource.Kind);
        foreach (var (method, _) in grants)
        {
            AddWiring(new WiringView { Kind = "grant", Source = resource.Member, Method = method, Target = compute.Grantee });
        }
        return grants.Count > 0;
    }

    private bool AddConnection(Node compute, Node database)
    {
        if (database.Kind is not (ResourceKind.RdsInstance or ResourceKind.AuroraCluster))
        {
            return false;
        }
        if (compute.IsLambda)
        {
            compute.InVpc = true;
        }
        AddWiring(new WiringView { Kind = "connection", Source = database.Member, Target = compute.Connectable });
        return true;
    }

    private void AddWiring(WiringView wiring)
    {
        if (_wiringKeys.Add($"{wiring.Kind}|{wiring.Target}|{wiring.Key}|{wiring.Source}|{wiring.Method}"))
        {
            _wiring.Add(wiring);
        }
    }

    private static bool HasMetric(Node node) => node.Kind is ResourceKind.LambdaFunction or ResourceKind.SqsQueue
        or ResourceKind.StateMachine or ResourceKind.FargateService or ResourceKind.RdsInstance or ResourceKind.AuroraCluster
        or ResourceKind.RestApi or ResourceKind.HttpApi or ResourceKind.EventBridgeRule or ResourceKind.DynamoDbTable;

    /// <summary>
    /// The resources an alarm can watch, indexed by the stems of their names, so scoring an alarm's words against them
    /// costs the matches found rather than every resource (which made generation quadratic in the resources).
    /// </summary>
    private sealed class MetricSources
    {
        private readonly Dictionary<string, List<int>> _withStem = new(StringComparer.Ordinal);

        public MetricSources(List<Node> candidates)
        {
            Candidates = candidates;
            for (var i = 0; i < candidates.Count; i++)
            {
                foreach (var stem in candidates[i].Stems.Distinct(StringComparer.Ordinal))
                {
                    var list = _withStem.ListFor(stem);
                    list.Add(i);
                }
            }
        }

        public List<Node> Candidates { get; }

        /// <summary>The best candidate: most distinct words among its name's stems, then the first declared; null when none shares a word.</summary>
        public Node? Best(IEnumerable<string> words)
        {
            var scores = new Dictionary<int, int>();
            foreach (var word in words.Distinct(StringComparer.Ordinal))
            {
                foreach (var i in _withStem.GetValueOrDefault(word) ?? [])
                {
                    scores[i] = scores.GetValueOrDefault(i) + 1;
                }
            }
            return scores.Count == 0
                ? null
                : scores.OrderByDescending(x => x.Value).ThenBy(x => Candidates[x.Key].Order).ThenBy(x => x.Key).First() is var best ? Candidates[best.Key] : null;
        }
    }

    /// <summary>
    /// False for an API that fronts no function: it is not generated, so nothing may refer to it (no variable takes
    /// its URL, no alarm watches its errors). Found by the property test: the code named an undeclared member.
    /// </summary>
    private bool IsGenerated(Node node) => node.Kind is not (ResourceKind.RestApi or ResourceKind.HttpApi) || _apiFunctions.ContainsKey(node);

    private void ChooseAlarmSource(Node alarm, MetricSources metricSources)
    {
        var inferred = false;
        if (_alarmSources.TryGetValue(alarm, out var linked) && !IsGenerated(linked))
        {
            _alarmSources.Remove(alarm);
        }
        if (!_alarmSources.TryGetValue(alarm, out var source))
        {
            inferred = true;
            var words = ResourceWords.Stems(alarm.Resource.Text).Where(w => !ResourceWords.KindWords.Contains(w) && w != "alarm").ToList();
            var candidates = metricSources.Candidates;
            source = metricSources.Best(words) ?? (candidates.Count == 1 ? candidates[0] : null);
            if (source is null || !IsGenerated(source))
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationAlarmWithoutMetric, alarm.Resource.Location, alarm.Name);
                return;
            }
            _alarmSources[alarm] = source;
        }
        if (!_alarmTopics.ContainsKey(alarm))
        {
            var topics = Of(ResourceKind.SnsTopic).ToList();
            if (topics.Count == 1)
            {
                _alarmTopics[alarm] = topics[0];
                inferred = true;
            }
        }
        if (inferred)
        {
            var topicPart = _alarmTopics.TryGetValue(alarm, out var topic) ? $" and notifies topic '{topic.Name}'" : "";
            _diagnostics.Add(DiagnosticCatalog.GenerationAlarmMetricInferred, alarm.Resource.Location,
                alarm.Name, MetricOf(source).Phrase, source.Name, topicPart);
        }
    }

    private static (string Kind, string Source, string Phrase) MetricOf(Node source) => source.Kind switch
    {
        ResourceKind.LambdaFunction => ("lambda_errors", source.Member, "errors"),
        ResourceKind.SqsQueue when source.DeadLetterMember is { } dlq => ("dlq_visible", dlq, "messages in the dead-letter queue"),
        ResourceKind.SqsQueue => ("queue_age", source.Member, "age of the oldest message"),
        ResourceKind.StateMachine => ("sfn_failed", source.Member, "failed executions"),
        ResourceKind.FargateService => ("service_cpu", source.Member, "CPU utilization"),
        ResourceKind.RdsInstance or ResourceKind.AuroraCluster => ("db_cpu", source.Member, "CPU utilization"),
        ResourceKind.RestApi or ResourceKind.HttpApi => ("api_5xx", source.Member, "5xx errors"),
        ResourceKind.DynamoDbTable => ("table_user_errors", source.Member, "user errors"),
        _ => ("rule_failed", source.Member, "failed invocations"),
    };

    private void AddOwnSchedules()
    {
        // A function or task with its own schedule and no rule starting it gets a rule of its own.
        foreach (var compute in _nodes.Where(n => n.IsLambda || n.Kind == ResourceKind.FargateTask).ToList())
        {
            if (compute.Resource.Schedule is null || _ruleTargets.Values.Any(t => t.Any(x => x.Target == compute)))
            {
                continue;
            }
            var stem = StripSuffix(Id(compute.Member), compute.IsLambda ? "Function" : "Task");
            var member = _members.Claim(stem + "Schedule");
            var rule = new Node(compute.Resource with { Kind = ResourceKind.EventBridgeRule, Name = compute.Name + " schedule", Links = default },
                member, _nodes.Count);
            _nodes.Add(rule);
            AddRuleTarget(rule, compute, compute.IsLambda ? "lambda" : "ecs_task");
        }
    }
}
