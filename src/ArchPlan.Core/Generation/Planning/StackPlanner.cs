using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
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
    };

    private IEnumerable<Node> Of(ResourceKind kind) => _nodes.Where(n => n.Kind == kind);

    // Construct ids are the members without '@': unique because members are, and free of '/'.
    private static string Id(string member) => member.TrimStart('@');

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
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
        return name.StartsWith('@') ? name[1..] + "Stack" : name;
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
        var same = candidates.FirstOrDefault(n => Words.Squash(n.Name) == squashed && squashed.Length > 0);
        if (same is not null)
        {
            return same;
        }
        var tolerant = candidates.Where(n => NameMatcher.Matches(reference, n.Name)).ToList();
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

        foreach (var alarm in Of(ResourceKind.CloudWatchAlarm))
        {
            ChooseAlarmSource(alarm);
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
        if (!_ruleTargets.TryGetValue(rule, out var targets))
        {
            _ruleTargets[rule] = targets = [];
        }
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

    private void ChooseAlarmSource(Node alarm)
    {
        var inferred = false;
        if (!_alarmSources.TryGetValue(alarm, out var source))
        {
            inferred = true;
            var words = ResourceWords.Stems(alarm.Resource.Text).Where(w => !ResourceWords.KindWords.Contains(w) && w != "alarm").ToList();
            var candidates = _nodes.Where(HasMetric).ToList();
            var scored = candidates.Select(n => (Node: n, Score: NameMatcher.Overlap(words, n.Name))).Where(x => x.Score > 0)
                .OrderByDescending(x => x.Score).ThenBy(x => x.Node.Order).ToList();
            source = scored.Count > 0 ? scored[0].Node : candidates.Count == 1 ? candidates[0] : null;
            if (source is null)
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

    // ----- secrets -----

    [GeneratedRegex("^[A-Za-z0-9/_+=.@-]+$")]
    private static partial Regex SecretNamePattern();

    [GeneratedRegex("-[A-Za-z0-9]{6}$")]
    private static partial Regex SecretSuffixPattern();

    private void CheckSecretName(string name, SourceLocation location)
    {
        if (!SecretNamePattern().IsMatch(name))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationSecretNameInvalid, location, name);
        }
        if (SecretSuffixPattern().IsMatch(name))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationSecretNameSuffix, location, name);
        }
    }

    private SecretView ImportSecret(string name)
    {
        if (_secrets.TryGetValue(name, out var existing))
        {
            return existing;
        }
        var member = _members.Claim(CSharpNames.WithSuffix(name, "Secret", "Secret"));
        var view = new SecretView(member, Id(member), name, name + ":arn");
        _secrets[name] = view;
        _secretOrder.Add(view);
        return view;
    }

    // ----- variables -----

    private sealed record Source(string Kind, string Expression = "", string Phrase = "", Node? Resource = null,
        SecretView? Secret = null, string? Field = null, string Description = "");

    private IReadOnlyList<SettingView> PlanVariables(out string contextJson, out IReadOnlyList<string> environments)
    {
        var settings = new List<SettingView>();
        var settingScope = new NameScope("Load", "Optional", "Required", "EnvironmentName", "ToString", "Equals", "GetHashCode", "GetType");
        var seen = new Dictionary<string, EnvVariable>(StringComparer.Ordinal);
        var computes = _nodes.Where(n => n.IsCompute).ToList();
        var envNames = _plan.Environments.ToList();
        foreach (var variable in _plan.Variables)
        {
            foreach (var value in variable.PerEnvironment)
            {
                if (!envNames.Contains(value.Environment, StringComparer.Ordinal))
                {
                    envNames.Add(value.Environment);
                }
            }
        }
        environments = envNames;

        var topLevel = new List<(string Key, string Value)>();
        var perEnvironment = envNames.ToDictionary(e => e, _ => new List<(string Key, string Value)>(), StringComparer.Ordinal);
        if (_plan.Variables.Count > 0 && computes.Count == 0)
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationNoCompute, _plan.Variables[0].Location);
        }

        foreach (var variable in _plan.Variables)
        {
            if (!seen.TryAdd(variable.Name, variable))
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationDuplicateVariable, variable.Location, variable.Name);
                continue;
            }

            var source = ResolveSource(variable);
            var targets = ResolveScope(variable, computes);
            if (source.Kind == "setting")
            {
                var key = variable.Name;
                if (key is EnvironmentKey or EnvironmentsKey)
                {
                    key = "var:" + key;
                    _diagnostics.Add(DiagnosticCatalog.GenerationReservedContextKey, variable.Location, variable.Name, key);
                }
                var perEnvValues = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var envValue in variable.PerEnvironment)
                {
                    if (envValue.Value.Kind == ValueKind.Literal && envValue.Value.Text is { } text)
                    {
                        perEnvValues.TryAdd(envValue.Environment, text);
                    }
                    else if (envValue.Value.Kind != ValueKind.None)
                    {
                        _diagnostics.Add(DiagnosticCatalog.GenerationEnvironmentValueIgnored, envValue.Location, variable.Name, envValue.Environment);
                    }
                }
                var defaultValue = variable.Value.Kind == ValueKind.Literal ? variable.Value.Text : null;
                var isPerEnvironment = perEnvValues.Count > 0;
                if (isPerEnvironment)
                {
                    foreach (var env in envNames)
                    {
                        var value = perEnvValues.GetValueOrDefault(env) ?? defaultValue;
                        if (value is not null)
                        {
                            perEnvironment[env].Add((key, value));
                        }
                    }
                }
                else if (defaultValue is not null)
                {
                    topLevel.Add((key, defaultValue));
                }
                var property = settingScope.Claim(CSharpNames.ToIdentifier(variable.Name, "Value"));
                var required = variable.Required == Requirement.Required;
                settings.Add(new SettingView(property, key, variable.Name, required, isPerEnvironment));
                source = source with
                {
                    Expression = $"settings.{property}",
                    Description = isPerEnvironment
                        ? $"CDK context {key} (per environment, in cdk.json {EnvironmentsKey})"
                        : defaultValue is null
                            ? $"CDK context {key}{(required ? " (required: no value in the plan)" : " (optional, unset)")}"
                            : $"CDK context {key} (default in cdk.json)",
                };
            }

            var applied = targets.Where(compute => Apply(variable, source, compute)).Select(t => t.Name).ToList();
            var setOn = applied.Count > 0 ? string.Join(", ", applied) : "(cdk.json only)";
            _readme.Add(new ReadmeVariableView(variable.Name, setOn, source.Description, variable.Description));
        }

        contextJson = ContextJson(envNames, topLevel, perEnvironment);
        return settings;
    }

    private static string ContextJson(IReadOnlyList<string> environments, List<(string Key, string Value)> topLevel,
        Dictionary<string, List<(string Key, string Value)>> perEnvironment)
    {
        using var stream = new MemoryStream();
        var writerOptions = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        using (var writer = new Utf8JsonWriter(stream, writerOptions))
        {
            writer.WriteStartObject();
            if (environments.Count > 0)
            {
                writer.WriteString(EnvironmentKey, environments[0]);
                writer.WriteStartObject(EnvironmentsKey);
                foreach (var env in environments)
                {
                    writer.WriteStartObject(env);
                    foreach (var (key, value) in perEnvironment[env])
                    {
                        writer.WriteString(key, value);
                    }
                    writer.WriteEndObject();
                }
                writer.WriteEndObject();
            }
            foreach (var (key, value) in topLevel)
            {
                writer.WriteString(key, value);
            }
            writer.WriteEndObject();
        }
        var json = Encoding.UTF8.GetString(stream.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal);
        // Nested one level inside cdk.json.
        return json.Replace("\n", "\n  ", StringComparison.Ordinal);
    }

    private static SourceLocation ValueAt(EnvVariable variable) =>
        variable.ValueLocation.File is null ? variable.Location : variable.ValueLocation;

    /// <summary>
    /// The value that decides where a variable comes from: its own, or, when it has none, the per-environment
    /// values when they all come from a secret or all from a resource (a table with one column per environment).
    /// </summary>
    private static ValueSpec EffectiveValue(EnvVariable variable)
    {
        if (variable.Value.Kind is ValueKind.FromSecret or ValueKind.FromResource || variable.PerEnvironment.Count == 0)
        {
            return variable.Value;
        }
        var kinds = variable.PerEnvironment.Select(v => v.Value.Kind).Where(k => k != ValueKind.None).Distinct().ToList();
        return kinds is [ValueKind.FromSecret or ValueKind.FromResource]
            ? variable.PerEnvironment.First(v => v.Value.Kind == kinds[0]).Value
            : variable.Value;
    }

    private Source ResolveSource(EnvVariable variable)
    {
        var nameStems = ResourceWords.Stems(variable.Name);
        var value = EffectiveValue(variable);
        if (!ReferenceEquals(value, variable.Value))
        {
            variable = variable with { Value = value };
        }
        switch (variable.Value.Kind)
        {
            case ValueKind.FromSecret:
                return ResolveSecret(variable);
            case ValueKind.FromResource:
            {
                var words = variable.Value.Resource ?? variable.Value.Text ?? "";
                var node = ResolveResourceWords(variable, words, nameStems);
                if (node is null)
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationResourceNotFound, ValueAt(variable), variable.Name, words);
                    return new Source("setting");
                }
                return FromResource(variable, node, nameStems, byName: false);
            }
            default:
            {
                var node = MatchByName(nameStems);
                return node is null ? new Source("setting") : FromResource(variable, node, nameStems, byName: true);
            }
        }
    }

    private Source FromResource(EnvVariable variable, Node node, IReadOnlyList<string> nameStems, bool byName)
    {
        // A database password or user comes from the database's generated secret, never from a plain attribute.
        if (node.Kind is ResourceKind.RdsInstance or ResourceKind.AuroraCluster
            && nameStems.Any(s => s is "password" or "user" or "username" or "credential" or "secret"))
        {
            var field = nameStems.Contains("password") ? "password" : nameStems.Contains("secret") || nameStems.Contains("credential") ? null : "username";
            var secret = new SecretView($"{node.Member}.Secret!", "", $"generated credentials of {node.Name}", "");
            return new Source("secret", Secret: secret, Field: field, Resource: node,
                Description: $"generated secret of database {node.Name}" + (field is null ? "" : $", field {field}"));
        }
        var attribute = ResourceWords.Attribute(node, nameStems)!.Value;
        var grantPhrase = node.Kind is ResourceKind.RdsInstance or ResourceKind.AuroraCluster
            ? "network access to the database is allowed from each compute that gets it"
            : ResourceWords.Grants(node.Kind) is { Count: > 0 } grants
                ? "each compute that gets it is granted " + string.Join(" and ", grants.Select(g => g.Phrase))
                : "no grant is needed";
        var kindPhrase = KindPhrase(node.Kind);
        if (byName)
        {
            var ignored = variable.Value.Kind == ValueKind.Literal ? $"the plan's example '{variable.Value.Text}' is not used; " : "";
            _diagnostics.Add(DiagnosticCatalog.GenerationValueFromName, variable.Location, variable.Name, attribute.Phrase, kindPhrase, node.Name, ignored + grantPhrase);
        }
        else
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationValueFromResource, ValueAt(variable), variable.Name, attribute.Phrase, kindPhrase, node.Name,
                attribute.Expression.Replace("Cdk::Token.AsString(", "", StringComparison.Ordinal).TrimEnd(')'), grantPhrase);
        }
        return new Source("attribute", attribute.Expression, attribute.Phrase, node, Description: $"{attribute.Phrase} of {kindPhrase} {node.Name}");
    }

    private static string KindPhrase(ResourceKind kind) => kind switch
    {
        ResourceKind.S3Bucket => "S3 bucket",
        ResourceKind.DynamoDbTable => "DynamoDB table",
        ResourceKind.SqsQueue => "SQS queue",
        ResourceKind.SnsTopic => "SNS topic",
        ResourceKind.RdsInstance => "RDS instance",
        ResourceKind.AuroraCluster => "Aurora cluster",
        ResourceKind.StateMachine => "state machine",
        ResourceKind.RestApi => "REST API",
        ResourceKind.HttpApi => "HTTP API",
        ResourceKind.LambdaFunction => "Lambda function",
        _ => "resource",
    };

    private Node? ResolveResourceWords(EnvVariable variable, string words, IReadOnlyList<string> nameStems)
    {
        var exact = Find(words, n => !n.IsContainer && ResourceWords.Attribute(n, nameStems) is not null);
        if (exact is not null)
        {
            return exact;
        }
        var stems = ResourceWords.Stems(words);
        var kinds = ResourceWords.KindsNamedBy(stems);
        var distinctiveWords = stems.Where(s => !ResourceWords.KindWords.Contains(s)).ToList();
        // Words that name no kind must name the resource itself ("from Glacier vault" matches nothing).
        var candidates = _nodes.Where(n => ResourceWords.Attribute(n, nameStems) is not null && !n.IsContainer
            && (kinds.Count == 0 ? !n.IsLambda && NameMatcher.Overlap(distinctiveWords, n.Name) > 0 : kinds.Contains(n.Kind))).ToList();
        if (candidates.Count == 0)
        {
            return null;
        }
        if (candidates.Count == 1)
        {
            return candidates[0];
        }
        var distinctive = stems.Where(s => !ResourceWords.KindWords.Contains(s)).ToList();
        var nameWords = nameStems.Where(s => !ResourceWords.KindWords.Contains(s)).ToList();
        var scored = candidates
            .Select(n => (Node: n, Score: (NameMatcher.Overlap(distinctive, n.Name) * 10) + NameMatcher.Overlap(nameWords, n.Name)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.Node.Order).ToList();
        if (scored[0].Score == 0 || (scored.Count > 1 && scored[1].Score == scored[0].Score))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationResourceAmbiguous, ValueAt(variable), variable.Name, words,
                string.Join(", ", scored.Where(x => x.Score == scored[0].Score).Select(x => $"'{x.Node.Name}'")), scored[0].Node.Name);
        }
        return scored[0].Node;
    }

    private Node? MatchByName(IReadOnlyList<string> nameStems)
    {
        foreach (var (suffix, kinds) in ResourceWords.NameSuffixes)
        {
            if (nameStems.Count < suffix.Length || !nameStems.Skip(nameStems.Count - suffix.Length).SequenceEqual(suffix))
            {
                continue;
            }
            var prefix = nameStems.Take(nameStems.Count - suffix.Length).ToList();
            var ofKind = _nodes.Where(n => kinds.Contains(n.Kind)).ToList();
            if (prefix.Count == 0)
            {
                return ofKind.Count == 1 ? ofKind[0] : null;
            }
            var matches = ofKind.Where(n =>
            {
                var stems = NameMatcher.Stems(n.Name);
                return prefix.All(stems.Contains);
            }).ToList();
            return matches.Count == 1 ? matches[0] : null;
        }
        return null;
    }

    private Source ResolveSecret(EnvVariable variable)
    {
        var name = variable.Value.Secret;
        PlannedSecret? planned = null;
        if (name is not null)
        {
            planned = _plan.Secrets.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.Ordinal))
                ?? _plan.Secrets.FirstOrDefault(s => Words.Squash(s.Name) == Words.Squash(name))
                ?? (_plan.Secrets.Where(s => NameMatcher.Matches(name, s.Name)).ToList() is { Count: 1 } one ? one[0] : null);
            if (planned is null)
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationSecretUnknown, ValueAt(variable), variable.Name, name);
                CheckSecretName(name, ValueAt(variable));
            }
        }
        else if (_plan.Secrets.Count == 1)
        {
            planned = _plan.Secrets[0];
        }
        else
        {
            var example = _plan.Secrets.Count > 0 ? $"_(from secret {_plan.Secrets[0].Name})_" : "_(from Secrets Manager: my/secret)_";
            _diagnostics.Add(DiagnosticCatalog.GenerationSecretMissing, ValueAt(variable), variable.Name, example);
            return new Source("setting");
        }

        var secretName = planned?.Name ?? name!;
        var secret = ImportSecret(secretName);
        var field = variable.Value.SecretField;
        if (field is not null && planned is { JsonFields.Count: > 0 } && !planned.JsonFields.Contains(field, StringComparer.Ordinal))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationSecretFieldUnknown, ValueAt(variable), variable.Name, field, secretName,
                string.Join(", ", planned.JsonFields));
        }
        return new Source("secret", Secret: secret, Field: field,
            Description: $"Secrets Manager secret {secretName}" + (field is null ? "" : $", field {field}"));
    }

    private List<Node> ResolveScope(EnvVariable variable, List<Node> computes)
    {
        if (variable.Scope.Count == 0)
        {
            return computes;
        }
        var matched = new List<Node>();
        var unmatched = new List<string>();
        foreach (var entry in variable.Scope)
        {
            var stems = NameMatcher.Stems(entry);
            if (ResourceWords.IsEveryone(stems))
            {
                return computes;
            }
            var byName = computes.Where(c => NameMatcher.Matches(entry, c.Name)).ToList();
            if (byName.Count == 0 && ResourceWords.ComputeKindNamedBy(stems) is { } kindFilter)
            {
                byName = [.. computes.Where(kindFilter)];
            }
            if (byName.Count == 0)
            {
                unmatched.Add(entry);
            }
            matched.AddRange(byName.Where(c => !matched.Contains(c)));
        }
        if (unmatched.Count > 0 && computes.Count > 0)
        {
            var consequence = matched.Count == 0 ? "the variable is set on every compute" : "that entry is ignored";
            _diagnostics.Add(DiagnosticCatalog.GenerationScopeUnmatched, variable.Location, variable.Name,
                string.Join(", ", unmatched), consequence, computes[0].Name);
        }
        return matched.Count == 0 ? computes : [.. matched.OrderBy(c => c.Order)];
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]+$")]
    private static partial Regex LambdaVariablePattern();

    /// <summary>Sets the variable on one compute; false when it could not be set there (a diagnostic says why).</summary>
    private bool Apply(EnvVariable variable, Source source, Node compute)
    {
        if (source.Kind == "secret" && compute.IsLambda)
        {
            // Lambda has no secret injection: the function gets the ARN and reads the value at run time.
            var key = variable.Name + "_SECRET_ARN";
            if (!CheckLambdaKey(key, compute, variable) || !ClaimKey(compute, key, variable))
            {
                return false;
            }
            AddWiring(new WiringView { Kind = "variable", Target = compute.Member, Key = key, Value = $"{source.Secret!.Member}.SecretArn" });
            AddWiring(new WiringView { Kind = "grant", Source = source.Secret.Member, Method = "GrantRead", Target = compute.Member });
            var fieldHint = source.Field is null ? "" : $", then field '{source.Field}' of the JSON";
            _diagnostics.Add(DiagnosticCatalog.GenerationLambdaSecret, ValueAt(variable), variable.Name, source.Secret.Name, compute.Name, key, fieldHint);
            _lambdaEnvironmentBytes[compute] = _lambdaEnvironmentBytes.GetValueOrDefault(compute) + key.Length + 110;
            return true;
        }

        if (compute.IsLambda && !CheckLambdaKey(variable.Name, compute, variable))
        {
            return false;
        }
        if (!ClaimKey(compute, variable.Name, variable))
        {
            return false;
        }

        switch (source.Kind)
        {
            case "secret":
                if (source.Field is { } field && field.Contains(':', StringComparison.Ordinal))
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationSecretFieldColon, ValueAt(variable), variable.Name, field, source.Secret!.Name);
                }
                if (source.Secret!.ArnKey.Length > 0 && _warnedContainerSecrets.Add(source.Secret.Name + "|" + compute.Member))
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationSecretNameOnly, ValueAt(variable), variable.Name, compute.Name, source.Secret.Name);
                }
                AddWiring(new WiringView
                {
                    Kind = "container_secret",
                    Target = compute.ContainerMember!,
                    Key = variable.Name,
                    Source = source.Secret.Member,
                    Field = source.Field ?? "",
                });
                break;
            case "attribute":
                AddWiring(new WiringView { Kind = "variable", Target = Holder(compute), Key = variable.Name, Value = source.Expression });
                if (!AddGrants(compute, source.Resource!))
                {
                    AddConnection(compute, source.Resource!);
                }
                _lambdaEnvironmentBytes[compute] = _lambdaEnvironmentBytes.GetValueOrDefault(compute) + variable.Name.Length + 110;
                break;
            default:
                AddWiring(new WiringView { Kind = "variable", Target = Holder(compute), Key = variable.Name, Value = source.Expression });
                var longest = variable.PerEnvironment.Select(v => v.Value.Text?.Length ?? 0).Append(variable.Value.Text?.Length ?? 0).Max();
                _lambdaEnvironmentBytes[compute] = _lambdaEnvironmentBytes.GetValueOrDefault(compute) + variable.Name.Length + longest + 6;
                break;
        }
        return true;
    }

    private static string Holder(Node compute) => compute.IsLambda ? compute.Member : compute.ContainerMember!;

    private bool CheckLambdaKey(string key, Node compute, EnvVariable variable)
    {
        if (LambdaReserved.Contains(key) || key.StartsWith("AWS_LAMBDA_", StringComparison.Ordinal))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationLambdaReservedVariable, variable.Location, key, compute.Name);
            return false;
        }
        if (!LambdaVariablePattern().IsMatch(key))
        {
            var suggestion = string.Join('_', Words.Split(key)).ToUpperInvariant();
            _diagnostics.Add(DiagnosticCatalog.GenerationLambdaInvalidVariable, variable.Location, key, compute.Name,
                suggestion.Length < 2 || !char.IsAsciiLetter(suggestion[0]) ? "MY_VARIABLE" : suggestion);
            return false;
        }
        return true;
    }

    private bool ClaimKey(Node compute, string key, EnvVariable variable)
    {
        if (!_keysByCompute.TryGetValue(compute, out var keys))
        {
            _keysByCompute[compute] = keys = new Dictionary<string, EnvVariable>(StringComparer.Ordinal);
        }
        if (!keys.TryAdd(key, variable))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationVariableConflict, variable.Location, key, compute.Name);
            return false;
        }
        return true;
    }

    private void CheckLambdaEnvironmentSizes()
    {
        foreach (var (compute, bytes) in _lambdaEnvironmentBytes.OrderBy(x => x.Key.Order))
        {
            if (compute.IsLambda && bytes > 4096)
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationLambdaEnvironmentTooLarge, compute.Resource.Location, compute.Name, bytes);
            }
        }
    }

    // ----- views per resource -----

    private DatabaseView DatabaseOf(Node node)
    {
        var text = (node.Resource.Text + " " + node.Name).ToLowerInvariant();
        var mysql = text.Contains("mysql", StringComparison.Ordinal) || text.Contains("mariadb", StringComparison.Ordinal);
        var isCluster = node.Kind == ResourceKind.AuroraCluster;
        var major = MajorVersion().Match(text) is { Success: true } m ? m.Groups[1].Value : null;
        string engine, version;
        if (isCluster)
        {
            engine = mysql ? "aurora-mysql" : "aurora-postgres";
            version = mysql ? "VER_3_07_1" : major switch { "14" => "VER_14_12", "15" => "VER_15_7", _ => "VER_16_3" };
        }
        else
        {
            engine = mysql ? "mysql" : "postgres";
            version = mysql ? "VER_8_0" : major is "13" or "14" or "15" or "16" ? "VER_" + major : "VER_16";
        }
        return new DatabaseView(node.Member, Id(node.Member), engine, version, isCluster, node.Origin);
    }

    [GeneratedRegex(@"(?:postgres(?:ql)?|pg)\s*v?(1[0-9])")]
    private static partial Regex MajorVersion();

    private StateMachineView StateMachineOf(Node node)
    {
        _diagnostics.Add(DiagnosticCatalog.GenerationPlaceholderDefinition, node.Resource.Location, node.Name);
        _notes.Add($"State machine {node.Name} has a placeholder definition (one Pass state).");
        var placeholder = _members.Claim(Id(node.Member) + "Placeholder");
        return new StateMachineView(node.Member, Id(node.Member), Id(placeholder), node.Origin);
    }

    private readonly HashSet<string> _handlerFolders = new(StringComparer.OrdinalIgnoreCase);

    private FunctionView FunctionOf(Node node)
    {
        var resource = node.Resource;
        var runtime = resource.Runtime?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(runtime))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationNoRuntime, resource.Location, node.Name);
            runtime = "python3.12";
        }
        var property = KnownRuntimes.GetValueOrDefault(runtime);
        if (property is null)
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationUnknownRuntime, resource.Location, node.Name, runtime);
        }
        var family = runtime switch
        {
            _ when runtime.StartsWith("python", StringComparison.Ordinal) => "PYTHON",
            _ when runtime.StartsWith("nodejs", StringComparison.Ordinal) => "NODEJS",
            _ when runtime.StartsWith("java", StringComparison.Ordinal) => "JAVA",
            _ when runtime.StartsWith("dotnet", StringComparison.Ordinal) => "DOTNET_CORE",
            _ when runtime.StartsWith("ruby", StringComparison.Ordinal) => "RUBY",
            _ when runtime.StartsWith("go", StringComparison.Ordinal) => "GO",
            _ => "OTHER",
        };
        var handler = family switch
        {
            "JAVA" => "example.Handler::handleRequest",
            "DOTNET_CORE" => "Handler::Handler.Function::FunctionHandler",
            "GO" or "OTHER" => "bootstrap",
            _ => "index.handler",
        };
        var memory = resource.MemoryMb;
        if (memory is { } mb && (mb < 128 || mb > 10240))
        {
            var fixedMb = Math.Clamp(mb, 128, 10240);
            _diagnostics.Add(DiagnosticCatalog.GenerationValueAdjusted, resource.Location, "Memory", node.Name, $"{mb} MB", $"{fixedMb} MB", "128-10240 MB");
            memory = fixedMb;
        }
        var timeout = resource.TimeoutSeconds;
        if (timeout is { } seconds && (seconds < 1 || seconds > 900))
        {
            var fixedSeconds = Math.Clamp(seconds, 1, 900);
            _diagnostics.Add(DiagnosticCatalog.GenerationValueAdjusted, resource.Location, "Timeout", node.Name, $"{seconds} s", $"{fixedSeconds} s", "1-900 s (15 minutes)");
            timeout = fixedSeconds;
        }
        var folder = Words.ToKebab(node.Name);
        if (folder.Length == 0)
        {
            folder = "function";
        }
        var unique = folder;
        for (var n = 2; !_handlerFolders.Add(unique); n++)
        {
            unique = folder + "-" + n.ToString(CultureInfo.InvariantCulture);
        }
        return new FunctionView(node.Member, Id(node.Member), property ?? "", runtime, family, handler, "handlers/" + unique,
            memory ?? 0, timeout ?? 0, resource.DeadLetterQueue, node.InVpc, node.Origin);
    }

    [GeneratedRegex("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*$")]
    private static partial Regex RepositoryPattern();

    private static readonly Dictionary<int, int[]> FargateSizes = new()
    {
        [256] = [512, 1024, 2048],
        [512] = [1024, 2048, 3072, 4096],
        [1024] = [.. Enumerable.Range(2, 7).Select(g => g * 1024)],
        [2048] = [.. Enumerable.Range(4, 13).Select(g => g * 1024)],
        [4096] = [.. Enumerable.Range(8, 23).Select(g => g * 1024)],
        [8192] = [.. Enumerable.Range(4, 12).Select(g => g * 4096)],
        [16384] = [.. Enumerable.Range(4, 12).Select(g => g * 8192)],
    };

    private ContainerView ContainerOf(Node node)
    {
        var resource = node.Resource;
        var cpu = resource.Cpu ?? (resource.MemoryMb is { } m ? FargateSizes.Where(kv => kv.Value.Contains(m)).Select(kv => kv.Key).DefaultIfEmpty(256).Min() : 256);
        var memory = resource.MemoryMb ?? (FargateSizes.TryGetValue(cpu, out var sizes) ? sizes[0] : 512);
        if (!FargateSizes.TryGetValue(cpu, out var allowed) || !allowed.Contains(memory))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationFargateSize, resource.Location, node.Name, cpu, memory);
        }

        var image = resource.Image?.Trim();
        if (string.IsNullOrEmpty(image))
        {
            // The plan's only ECR repository, unless another container already names it as its image.
            var repositories = _plan.Resources.Where(r => r.Kind == ResourceKind.EcrRepository).ToList();
            var claimed = repositories.Count == 1 && _plan.Resources.Any(r => r.Image is { } other
                && other.Split(':')[0].Equals(repositories[0].Name, StringComparison.Ordinal));
            image = repositories.Count == 1 && !claimed ? repositories[0].Name : null;
        }
        string kind = "placeholder", reference = "public.ecr.aws/docker/library/busybox:latest", tag = "latest";
        if (!string.IsNullOrEmpty(image))
        {
            var firstSegment = image.Split('/')[0];
            if (image.Contains('/', StringComparison.Ordinal) && (firstSegment.Contains('.', StringComparison.Ordinal) || firstSegment.Contains(':', StringComparison.Ordinal)))
            {
                kind = "registry";
                reference = image;
            }
            else
            {
                var colon = image.LastIndexOf(':');
                var repository = colon > 0 ? image[..colon] : image;
                tag = colon > 0 && colon < image.Length - 1 ? image[(colon + 1)..] : "latest";
                if (RepositoryPattern().IsMatch(repository))
                {
                    kind = "ecr";
                    reference = repository;
                }
                else
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationInvalidRepository, resource.Location, node.Name, image);
                    tag = "latest";
                }
            }
        }
        if (kind == "placeholder" && string.IsNullOrEmpty(image))
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationPlaceholderImage, resource.Location, node.Name, Words.ToKebab(node.Name));
            _notes.Add($"{node.Name} runs a placeholder image ({reference}): the plan names no ECR repository.");
        }
        var stem = StripSuffix(Id(node.Member), node.Kind == ResourceKind.FargateService ? "Service" : "Task");
        return new ContainerView
        {
            Member = node.Member,
            Id = Id(node.Member),
            IsService = node.Kind == ResourceKind.FargateService,
            TaskDefinitionMember = node.TaskDefinitionMember!,
            TaskDefinitionId = Id(node.TaskDefinitionMember!),
            ContainerMember = node.ContainerMember!,
            SecurityGroupMember = node.SecurityGroupMember!,
            SecurityGroupId = Id(node.SecurityGroupMember!),
            Cpu = cpu,
            MemoryMb = memory,
            ImageKind = kind,
            Image = reference,
            ImageTag = tag,
            RepositoryId = Id(_members.Claim(stem + "Repository")),
            StreamPrefix = Words.ToKebab(node.Name) is { Length: > 0 } prefix ? prefix : "app",
            Origin = node.Origin,
        };
    }

    private RuleView RuleOf(Node node)
    {
        var targets = _ruleTargets.GetValueOrDefault(node) ?? [];
        var schedule = node.Resource.Schedule?.Expression;
        string? placeholder = null;
        if (schedule is null)
        {
            _diagnostics.Add(DiagnosticCatalog.GenerationRuleWithoutTrigger, node.Resource.Location, node.Name);
            placeholder = "archplan.placeholder." + (Words.ToKebab(_plan.Product) is { Length: > 0 } p ? p : "app");
            _notes.Add($"Rule {node.Name} has a placeholder event pattern that matches nothing.");
        }
        return new RuleView(node.Member, Id(node.Member), schedule ?? "", placeholder ?? "",
            [.. targets.Select(t => new RuleTargetView(t.Kind, t.Kind == "ecs_task" ? t.Target.TaskDefinitionMember! : t.Target.Member,
                t.Target.SecurityGroupMember ?? ""))], node.Origin);
    }

    private ApiView ApiOf(Node node) =>
        new(node.Member, Id(node.Member), node.Kind == ResourceKind.HttpApi, _apiFunctions[node].Member, Id(node.Member) + "Integration", node.Origin);

    private AlarmView AlarmOf(Node node)
    {
        var (kind, source, _) = MetricOf(_alarmSources[node]);
        return new(node.Member, Id(node.Member), kind, source, _alarmTopics.GetValueOrDefault(node)?.Member ?? "", node.Origin);
    }
}
