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

// The view-model records for each kind of resource.
internal sealed partial class StackPlanner
{
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

    [GeneratedRegex("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*\\z")]
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
