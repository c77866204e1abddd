using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Naming;
using ArchPlan.Generation.ViewModel;
using ArchPlan.Kinds;
using ArchPlan.Model;

namespace ArchPlan.Generation.Planning;

/// <summary>
/// Decides what the generated stack contains: one construct per supported resource (built by its kind's module in
/// <c>Kinds/</c>), the wiring between them (variables, secrets, grants, triggers), and the CDK context seeded in
/// cdk.json. Produces the view model, and accounts for every phrase of the plan it did not turn into code.
/// </summary>
internal sealed partial class StackPlanner : IStackContext
{
    /// <summary>The context key that selects the environment, and the one holding per-environment values.</summary>
    public const string EnvironmentKey = "environment";
    public const string EnvironmentsKey = "environments";

    private static readonly string[] StackMembers =
    [
        "Vpc", "Cluster", "Settings", "DefinePlannedResources", "SetVariable", "ImportSecret", "FiveMinutes", "Account", "Region", "Node", "Tags",
        "Environment", "Partition", "UrlSuffix", "StackName", "StackId", "Stage", "Nested", "Synthesizer",
        "TemplateFile", "TemplateOptions", "ArtifactId", "AvailabilityZones", "Dependencies", "NotificationArns",
        "TerminationProtection", "Of", "IsStack", "ToString", "Equals", "GetHashCode", "GetType", "SourcePlan",
    ];

    private static readonly HashSet<string> LambdaReserved = new(StringComparer.Ordinal)
    {
        "_HANDLER", "_X_AMZN_TRACE_ID", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_EXECUTION_ENV", "AWS_ACCESS_KEY",
        "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "LAMBDA_TASK_ROOT", "LAMBDA_RUNTIME_DIR", "TZ",
    };

    private readonly Plan _plan;
    private readonly GeneratorOptions _options;
    private readonly DiagnosticBag _diagnostics;
    private readonly NameScope _members = new(StackMembers);
    private readonly List<Node> _nodes = [];
    private readonly List<PlannedResource> _external = [];
    private readonly List<WiringView> _wiring = [];
    private readonly HashSet<string> _wiringKeys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SecretView> _secrets = new(StringComparer.Ordinal);
    private readonly List<SecretView> _secretOrder = [];
    private readonly Dictionary<Node, Dictionary<string, EnvVariable>> _keysByCompute = [];
    private readonly Dictionary<Node, int> _lambdaEnvironmentBytes = [];
    private readonly HashSet<string> _warnedContainerSecrets = new(StringComparer.Ordinal);
    private readonly HashSet<(Node, Node)> _reportedAccess = [];
    private readonly List<ReadmeVariableView> _readme = [];
    private readonly List<string> _notes = [];
    private readonly List<AcknowledgementView> _acknowledgements = [];
    private readonly List<string> _secureDefaults = [];
    private readonly List<(BuildPhase Phase, int Order, ConstructView View)> _constructs = [];
    private readonly List<FunctionView> _functions = [];
    private readonly HashSet<string> _handlerFolders = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<NotGeneratedView> _notGenerated = [];
    private readonly HashSet<string> _secretsBoundByVariables = new(StringComparer.Ordinal);
    private readonly HashSet<Node> _described = [];
    private PlanText.Index? _nameIndex;
    private int _nameIndexSize;

    public StackPlanner(Plan plan, GeneratorOptions options, DiagnosticBag diagnostics)
    {
        _plan = plan;
        _options = options;
        _diagnostics = diagnostics;
    }

    public Plan Plan => _plan;

    public IReadOnlyList<Node> Nodes => _nodes;

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
        GroupSecretsByEnvironment();
        foreach (var secret in _plan.Secrets)
        {
            CheckSecretName(secret.Name, secret.Location);
            ImportSecret(secret.Name);
        }
        WireLinks();
        AddOwnSchedules();
        var settings = PlanVariables(out var contextJson, out var environments);
        WireUnboundSecrets();
        CheckLambdaEnvironmentSizes();
        BreakDependencyCycles();
        EmitConstructs();
        ReportNotGenerated();

        var projectName = Words.ToPascal(product);
        if (char.IsAsciiDigit(projectName[0]))
        {
            projectName = "_" + projectName;
        }
        // A project named like a package it references (product "constructs") cannot restore: NuGet sees a cycle (NU1108).
        // (A project name is PascalCase without dots, so of today's packages only Constructs can collide.)
        if (PackageVersions.ReferencedPackages.Any(p => string.Equals(p, projectName, StringComparison.OrdinalIgnoreCase)))
        {
            projectName += "App";
        }
        var ns = ReservedNamespaces.Contains(projectName) ? projectName + "App" : projectName;
        var stack = ChooseStack(product, StackClassName(projectName));
        var stackClass = stack.ClassName;
        var projectPath = $"src/{projectName}/{projectName}.csproj";
        var sourcePlan = string.IsNullOrEmpty(_options.SourcePlanPath) ? _plan.FilePath : _options.SourcePlanPath;

        return new AppView
        {
            Product = product,
            ProjectName = projectName,
            Namespace = ns,
            StackClass = stackClass,
            StackId = stack.ConstructId,
            SourcePlan = sourcePlan,
            PlanTitle = _plan.DisplayName,
            CdkLibVersion = _options.CdkLibVersion,
            ConstructsVersion = _options.ConstructsVersion,
            CdkCliVersion = _options.CdkCliVersion,
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
            NeedsVpc = _nodes.Any(n => n.IsContainer || n.Kind is ResourceKind.RdsInstance or ResourceKind.AuroraCluster
                || (n.IsLambda && (n.InVpc || n.Attribute("Vpc")?.Value == "true"))),
            NeedsCluster = _nodes.Any(n => n.IsContainer),
            Constructs = [.. _constructs.OrderBy(c => c.Phase).ThenBy(c => c.Order).Select(c => c.View)],
            Functions = _functions,
            Wiring = _wiring,
            ReadmeVariables = _readme,
            Notes = _notes,
            Acknowledgements = _acknowledgements,
            GrantReasons = GrantReasons(),
            SecureDefaults = [.. _secureDefaults.Distinct(StringComparer.Ordinal)],
            UsesPhysicalNames = _nodes.Any(n => n.PhysicalName is not null),
            NotGenerated = _notGenerated,
        };
    }

    private static readonly HashSet<string> ReservedNamespaces = new(StringComparer.OrdinalIgnoreCase)
    {
        "System", "Amazon", "Constructs", "Microsoft", "Cdk", "Lambda", "S3", "Dynamo", "Sqs", "Sns", "Ec2", "Ecs", "Ecr",
        "Events", "Targets", "HttpApis", "HttpIntegrations", "RestApis", "CloudWatch", "AlarmActions", "Rds", "Sfn",
        "SfnTasks", "Secrets", "EventSources", "Iam", "Kms", "Logs", "SnsSubscriptions", "ApplicationAutoScaling",
        // Types the templates name without qualification (a namespace 'App' hides Amazon.CDK.App: found by the property test).
        "App", "Stack", "StackProps", "IStackProps", "Construct", "Node", "Program", "PlanSettings", "Environment",
        "Duration", "Console", "Math", "String", "Object", "Exception", "Convert", "InvalidOperationException", "CultureInfo",
        "Dictionary", "Collections", "Generic",
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

    // A title or stack-file edit must not rename the class the files people own refer to, nor the stack CloudFormation knows.
    private StackIdentity ChooseStack(string product, string planned)
    {
        var fromPlan = new StackIdentity(planned, planned);
        if (_options.KeepStack is not { IsValid: true } kept || kept == fromPlan)
        {
            return fromPlan;
        }
        _diagnostics.Add(DiagnosticCatalog.StackIdentityKept, _plan.FrontMatter.Location,
            planned, kept.ClassName, kept.ConstructId, $"apps/{product}/infra/cdk/.archplan/manifest.json");
        return kept;
    }

    private static string StableGuid(string text)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return new Guid(hash.AsSpan(0, 16)).ToString("D").ToUpperInvariant();
    }

    // ----- IStackContext -----

    public string Claim(string identifier) => _members.Claim(identifier);

    public void Add(Node node, string member, string type, Cs creation, IEnumerable<Cs>? statements = null, IEnumerable<string>? comments = null)
    {
        var lines = new List<string>();
        if (_described.Add(node))
        {
            lines.Add($"{node.Name} (plan line {node.Resource.Location.Line})");
            lines.AddRange(node.Resource.Attributes.Select(a => $"- \"{a.Phrase}\" → {a.Property}"));
        }
        lines.AddRange(comments ?? []);
        var view = new ConstructView(member, type, node.Origin, lines,
            creation.Render(IStackContext.BodyIndent),
            [.. (statements ?? []).Select(s => s.Render(IStackContext.BodyIndent))]);
        _constructs.Add((IStackContext.ModuleOf(node).Phase, _constructs.Count, view));
    }

    public string HandlerFolder(Node node, string runtimeFamily)
    {
        var folder = Words.ToKebab(node.Name);
        if (folder.Length == 0)
        {
            folder = "function";
        }
        var unique = folder;
        for (var n = 2; !_handlerFolders.Add(unique); n++)
        {
            unique = folder + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var path = "handlers/" + unique;
        _functions.Add(new FunctionView(node.Name, runtimeFamily, path));
        return path;
    }

    public IReadOnlySet<string> WordsOf(Node node)
    {
        // Only the names that may stand in the text are searched (an alarm per resource must not cost resources²).
        if (_nameIndex is null || _nameIndexSize != _nodes.Count)
        {
            (_nameIndex, _nameIndexSize) = (new PlanText.Index([.. _nodes.Select(n => n.Name)]), _nodes.Count);
        }
        var text = node.Resource.Text;
        foreach (var candidate in _nameIndex.Candidates(text))
        {
            var name = _nodes[candidate].Name;
            foreach (var at in PlanText.WholeName(text, name).Reverse().ToList())
            {
                text = text[..at] + " " + text[(at + name.Length)..];
            }
        }
        return ResourceWords.Stems(text).Where(w => !ResourceWords.KindWords.Contains(w) && w != "alarm").ToHashSet(StringComparer.Ordinal);
    }

    public void Report(DiagnosticDescriptor descriptor, SourceLocation location, params object?[] args) => _diagnostics.Add(descriptor, location, args);

    public void Note(string text) => _notes.Add(text);

    public void Acknowledge(Node node, string target, string type, string rule, string reason, int line) =>
        _acknowledgements.Add(new AcknowledgementView(target, type, rule, reason, node.Name, line));

    public void SecureDefault(string text) => _secureDefaults.Add(text);

    /// <summary>Per grantee construct id, the grants the plan states, with their lines, in wiring order.</summary>
    private List<GrantReasonView> GrantReasons() =>
    [
        .. _wiring.Where(w => w.Kind == "grant")
            .GroupBy(w => w.Owner.Length > 0 ? w.Owner : RoleOwner(IStackContext.IdOf(w.Target.Split('.')[0])), StringComparer.Ordinal)
            .Select(g => new GrantReasonView(g.Key, string.Join("; ", g.Select(w => IStackContext.IdOf(w.Source) + "." + w.Method + (w.Line > 0 ? $" (plan line {w.Line})" : "")).Distinct(StringComparer.Ordinal)))),
    ];

    /// <summary>The construct that owns the policy a grant to <paramref name="grantee"/> lands in: a function's own role.</summary>
    private string RoleOwner(string grantee) =>
        _nodes.FirstOrDefault(n => n.IsLambda && IStackContext.IdOf(n.Member) == grantee)?.RoleId ?? grantee;

    public void NotGenerated(Node node, string phrase, string why) => AddNotGenerated(node.Resource, node.Member, phrase, why);

    private void AddNotGenerated(PlannedResource resource, string member, string phrase, string why) =>
        _notGenerated.Add(new NotGeneratedView(resource.Name, member, resource.Location.Line, phrase, why));

    // ----- resources -----

    private void CreateNodes()
    {
        var order = 0;
        var colliding = ResourceIds.Collisions(_plan.Resources).SelectMany(g => g).ToHashSet(ReferenceEqualityComparer.Instance);
        foreach (var resource in _plan.Resources)
        {
            var module = KindCatalog.For(resource.Kind);
            if (resource.Kind == ResourceKind.Unknown)
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationUnknownResource, resource.Location, resource.Text);
                AddNotGenerated(resource, "", resource.Text, "ArchPlan does not know this kind of resource");
                continue;
            }
            if (module is null)
            {
                AddNotGenerated(resource, "", resource.Text, SupportingReason(resource.Kind));
                continue;
            }
            if (resource.External)
            {
                _external.Add(resource);
                _diagnostics.Add(DiagnosticCatalog.GenerationExternalResourceListed, resource.Location, resource.Name, module.TitleOf(resource.Kind));
                AddNotGenerated(resource, "", resource.Text, "the plan says it already exists: it is referenced, not created");
                continue;
            }

            var suffix = module.MemberSuffix(resource.Kind);
            var identifier = CSharpNames.WithSuffix(resource.Name, suffix, suffix);
            var member = _members.Claim(colliding.Contains(resource) ? ResourceIds.WithSpelling(identifier, resource.Name) : identifier);
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

    private static string SupportingReason(ResourceKind kind) => kind switch
    {
        ResourceKind.Vpc => "the stack creates the VPC its containers and databases need (two AZs, one NAT gateway); a VPC of its own is not generated",
        ResourceKind.EcsCluster => "the stack creates the ECS cluster its containers need",
        ResourceKind.EcrRepository => "ECR repositories are referenced by name as container images, not created",
        ResourceKind.LogGroup => "log groups are created by the services that write to them",
        ResourceKind.IamRole => "roles are created per compute, with the grants the plan's relationships imply",
        ResourceKind.SecretsManagerSecret => "secrets are imported by name from the Secrets table, never created with a value",
        ResourceKind.KmsKey => "keys are created where a resource's encryption asks for one",
        ResourceKind.CloudWatchDashboard => "dashboards are not generated",
        _ => "not generated",
    };

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

    private void EmitConstructs()
    {
        foreach (var node in _nodes)
        {
            IStackContext.ModuleOf(node).Emit(node, this);
        }
    }

    private void ReportNotGenerated()
    {
        // The phrases reading found no property for, then what the modules declined to build (with their reasons).
        var stated = new List<NotGeneratedView>();
        foreach (var resource in _plan.Resources)
        {
            var member = _nodes.FirstOrDefault(n => ReferenceEquals(n.Resource, resource))?.Member ?? "";
            if (member.Length == 0)
            {
                continue;
            }
            stated.AddRange(resource.NotGenerated.Select(p =>
                new NotGeneratedView(resource.Name, member, p.Location.HasPosition ? p.Location.Line : resource.Location.Line, p.Text,
                    "no property of the construct says this")));
        }
        _notGenerated.InsertRange(0, stated);
        foreach (var group in _notGenerated.GroupBy(n => (n.Resource, n.Line)).OrderBy(g => g.Key.Line))
        {
            var resource = _plan.Resources.FirstOrDefault(r => r.Name == group.Key.Resource);
            var location = resource?.Location ?? SourceLocation.OfFile(_plan.FilePath);
            _diagnostics.Add(DiagnosticCatalog.GenerationNotGenerated, location with { Line = group.Key.Line > 0 ? group.Key.Line : location.Line },
                group.Key.Resource, string.Join("; ", group.Select(n => $"\"{Shorten(n.Phrase)}\" ({n.Why})")));
        }
    }

    private static string Shorten(string text) => text.Length <= 100 ? text : text[..97] + "...";

    // ----- links -----

    private void WireLinks()
    {
        foreach (var source in _nodes.ToList())
        {
            foreach (var link in source.Resource.Links)
            {
                var target = Find(link.Target);
                if (target is null)
                {
                    if (_external.Any(e => string.Equals(e.Name, link.Target, StringComparison.OrdinalIgnoreCase)))
                    {
                        continue;
                    }
                    _diagnostics.Add(DiagnosticCatalog.GenerationLinkTargetMissing, source.Resource.Location, source.Name, link.Target);
                    continue;
                }
                if (!WireLink(source, link, target) && !WireLink(target, link with { Target = source.Name }, source))
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationLinkNotWired, source.Resource.Location,
                        source.Name, LinkPhrase(link.Kind), target.Name);
                }
            }
        }

        foreach (var machine in Of(ResourceKind.StateMachine))
        {
            // The plan's order: "runs `validate`, then `charge-customer`".
            var ordered = machine.WorkflowSteps
                .Select(s => (Step: s, At: PlanText.WholeName(machine.Resource.Text, s.Name).DefaultIfEmpty(int.MaxValue).First()))
                .OrderBy(x => x.At).ThenBy(x => x.Step.Order).Select(x => x.Step).Distinct().ToList();
            machine.WorkflowSteps.Clear();
            machine.WorkflowSteps.AddRange(ordered);
        }

        foreach (var api in _nodes.Where(n => n.Kind is ResourceKind.RestApi or ResourceKind.HttpApi))
        {
            if (api.FrontedFunction is null && !api.Resource.Attributes.Any(a => a.Property == "Route" && a.Value.Contains('@', StringComparison.Ordinal)))
            {
                var functions = Of(ResourceKind.LambdaFunction).ToList();
                if (functions.Count == 1)
                {
                    api.FrontedFunction = functions[0];
                    _diagnostics.Add(DiagnosticCatalog.GenerationApiFunctionInferred, api.Resource.Location, api.Name, functions[0].Name);
                }
            }
        }

        // A topic is what alarms notify, not what they watch, unless the plan says so.
        var metricSources = new MetricSources(_nodes.Where(n => HasMetric(n) && n.Kind != ResourceKind.SnsTopic).ToList());
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
    private bool WireLink(Node source, ResourceLink link, Node target)
    {
        switch (link.Kind)
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
            case LinkKind.Triggers or LinkKind.Starts when source.IsCompute && target.IsLambda:
                // A function or container that invokes a function calls it: permission to invoke, no event source.
                return AddGrants(source, target, Access.Write, source.Resource.Location);
            case LinkKind.Triggers when target.IsLambda:
                return AddEventSource(source, target);
            case LinkKind.Triggers when target.IsContainer && source.Kind == ResourceKind.SqsQueue:
                // A worker that processes a queue polls it itself: it consumes, with no event source.
                target.Consumes.Add(source);
                return AddGrants(target, source, Access.Read, source.Resource.Location);
            case LinkKind.Starts when source.IsCompute && target.Kind == ResourceKind.StateMachine:
                return AddGrants(source, target, Access.Write, source.Resource.Location);
            case LinkKind.Uses or LinkKind.Starts when source.Kind == ResourceKind.StateMachine && (target.IsLambda || target.Kind == ResourceKind.FargateTask):
                source.WorkflowSteps.Add(target);
                return true;
            case LinkKind.Fronts when source.Kind is ResourceKind.RestApi or ResourceKind.HttpApi && target.IsLambda:
                if (source.FrontedFunction is null)
                {
                    source.FrontedFunction = target;
                }
                else if (source.FrontedFunction != target && !source.Resource.Attributes.Any(a => a.Property == "Route"))
                {
                    _diagnostics.Add(DiagnosticCatalog.GenerationApiSeveralFunctions, source.Resource.Location, source.Name,
                        source.FrontedFunction.Name, target.Name);
                }
                return true;
            case LinkKind.Notifies when source.Kind == ResourceKind.CloudWatchAlarm && target.Kind == ResourceKind.SnsTopic:
                source.AlarmTopic ??= target;
                return true;
            case LinkKind.Notifies or LinkKind.Uses when source.Kind == ResourceKind.CloudWatchAlarm && HasMetric(target):
                source.AlarmSource ??= target;
                return true;
            case LinkKind.Notifies when source.Kind == ResourceKind.S3Bucket && target.IsLambda:
                return AddEventSource(source, target);
            case LinkKind.Notifies when source.Kind == ResourceKind.SnsTopic && target.Kind == ResourceKind.SqsQueue:
                AddWiring(new WiringView { Kind = "subscription", Source = source.Member, Target = target.Member });
                return true;
            case LinkKind.Notifies or LinkKind.Uses when source.IsCompute && !target.IsCompute:
                return AddGrants(source, target, link.Kind == LinkKind.Notifies ? Access.Write : link.Access, source.Resource.Location)
                    || AddConnection(source, target);
            case LinkKind.Uses when source.IsCompute && target.IsLambda:
                return AddGrants(source, target, Access.Write, source.Resource.Location);
            default:
                return false;
        }
    }

    private static void AddRuleTarget(Node rule, Node target, string kind)
    {
        if (!rule.RuleTargets.Any(t => t.Target == target))
        {
            rule.RuleTargets.Add((target, kind));
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
        function.Consumes.Add(source);
        if (source.Kind == ResourceKind.DynamoDbTable)
        {
            source.Stream = true;
        }
        if (source.Kind == ResourceKind.SqsQueue)
        {
            // SQS requires a visibility timeout at least as long as the function's; AWS recommends six times.
            var timeout = Math.Clamp(function.Attribute("Timeout") is { } t ? (int)PhraseValues.Long(t.Value) : function.Resource.TimeoutSeconds ?? 3, 1, 900);
            source.VisibilityTimeoutSeconds = Math.Min(43200, Math.Max(source.VisibilityTimeoutSeconds ?? 30, timeout * 6));
        }
        AddWiring(new WiringView { Kind = "event_source", Target = function.Member, Source = source.Member, Method = sourceKind });
        return true;
    }

    /// <summary>
    /// Grants <paramref name="compute"/> what <paramref name="access"/> needs on <paramref name="resource"/>; when the plan
    /// states no direction, the kind's default (a queue or topic is sent or published to, a bucket or table is read and
    /// written), and the user is told once per pair.
    /// </summary>
    private bool AddGrants(Node compute, Node resource, Access access, SourceLocation at)
    {
        var module = IStackContext.ModuleOf(resource);
        if (access == Access.Unspecified)
        {
            access = module.DefaultAccess;
            var grants = module.Grants(access);
            if (grants.Count > 0 && _reportedAccess.Add((compute, resource)))
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationAccessDefault, at, compute.Name, string.Join(" and ", grants.Select(g => g.Phrase)),
                    module.TitleOf(resource.Kind), resource.Name);
            }
        }
        var chosen = module.Grants(access);
        foreach (var grant in chosen)
        {
            AddWiring(new WiringView { Kind = "grant", Source = resource.Member, Method = grant.Method, Target = compute.Grantee, Line = at.Line });
        }
        return chosen.Count > 0;
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

    private static bool HasMetric(Node node) => IStackContext.ModuleOf(node).Metric(node, new HashSet<string>()) is not null;

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

    private void ChooseAlarmSource(Node alarm, MetricSources metricSources)
    {
        var inferred = false;
        if (alarm.AlarmSource is null)
        {
            inferred = true;
            var words = ResourceWords.Stems(alarm.Resource.Text).Where(w => !ResourceWords.KindWords.Contains(w) && w != "alarm").ToList();
            var candidates = metricSources.Candidates;
            var source = metricSources.Best(words) ?? (candidates.Count == 1 ? candidates[0] : null);
            if (source is null)
            {
                _diagnostics.Add(DiagnosticCatalog.GenerationAlarmWithoutMetric, alarm.Resource.Location, alarm.Name);
                AddNotGenerated(alarm.Resource, alarm.Member, alarm.Resource.Text, "the plan does not say which resource's metric the alarm watches");
                return;
            }
            alarm.AlarmSource = source;
        }
        if (alarm.AlarmTopic is null)
        {
            var topics = Of(ResourceKind.SnsTopic).ToList();
            if (topics.Count == 1)
            {
                alarm.AlarmTopic = topics[0];
                inferred = true;
            }
        }
        if (inferred)
        {
            var topicPart = alarm.AlarmTopic is { } topic ? $" and notifies topic '{topic.Name}'" : "";
            var metric = IStackContext.ModuleOf(alarm.AlarmSource).Metric(alarm.AlarmSource, WordsOf(alarm))!;
            _diagnostics.Add(DiagnosticCatalog.GenerationAlarmMetricInferred, alarm.Resource.Location,
                alarm.Name, metric.Phrase, alarm.AlarmSource.Name, topicPart);
        }
    }

    private void AddOwnSchedules()
    {
        // A function or task with its own schedule and no rule starting it gets a rule of its own.
        foreach (var compute in _nodes.Where(n => n.IsLambda || n.Kind == ResourceKind.FargateTask).ToList())
        {
            if (compute.Resource.Schedule is null || _nodes.Any(r => r.RuleTargets.Any(x => x.Target == compute)))
            {
                continue;
            }
            var stem = StripSuffix(Id(compute.Member), compute.IsLambda ? "Function" : "Task");
            var member = _members.Claim(stem + "Schedule");
            var rule = new Node(compute.Resource with
            {
                Kind = ResourceKind.EventBridgeRule,
                Name = compute.Name + " schedule",
                Links = default,
                Attributes = compute.Resource.Attributes.Where(a => a.Property == "Schedule").ToEquatableArray(),
                NotGenerated = default,
            }, member, _nodes.Count);
            _nodes.Add(rule);
            AddRuleTarget(rule, compute, compute.IsLambda ? "lambda" : "ecs_task");
        }
    }
}
