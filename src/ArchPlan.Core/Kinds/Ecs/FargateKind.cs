using System.Globalization;
using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Naming;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;
using static ArchPlan.Kinds.PhraseValues;

namespace ArchPlan.Kinds.Ecs;

/// <summary>
/// An ECS Fargate service (long-running) or task (started by a schedule or a workflow): a task definition with one
/// container, logging to CloudWatch Logs, its own security group, in the stack's cluster. Understands CPU, memory, the
/// desired number of tasks, a scaling range and CPU target, the container port, the image (an ECR repository or a
/// registry image) and the CPU architecture.
/// </summary>
/// <remarks>Attributes: <c>Cpu</c> (units), <c>Memory</c> (MiB), <c>DesiredCount</c>, <c>Scaling</c> (min:max),
/// <c>ScalingCpu</c> (percent), <c>Port</c>, <c>Image</c>, <c>Architecture</c> (ARM64, X86_64).</remarks>
internal sealed partial class FargateKind : KindModule
{
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

    private const string PlaceholderImage = "public.ecr.aws/docker/library/busybox:latest";

    public override IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.FargateService, ResourceKind.FargateTask];

    public override string Suffix => "Service";

    public override string Title => "Fargate service";

    public override string TitleOf(ResourceKind kind) => kind == ResourceKind.FargateTask ? "Fargate task" : "Fargate service";

    public override BuildPhase Phase => BuildPhase.Compute;

    public override IReadOnlyList<string> KindWords { get; } = ["container", "containers", "service", "task", "worker", "docker", "image", "cluster", "long-running", "long running"];

    public override IReadOnlyList<Phrase> Phrases { get; } =
    [
        new("Image", EcrAfterWords(), m => m["repo"].TrimEnd('.', ',')),
        new("Image", EcrBeforeWords(), m => m["repo"]),
        new("Image", ImageWords(), m => m["repo"].TrimEnd('.', ',')),
        new("ScalingCpu", ScalingCpuWords(), m => Whole(m)),
        new("Scaling", ScalingWords(), m => $"{m["min"]}:{m["max"]}"),
        new("Cpu", CpuWords(), m => Number(m) <= 16 ? ((long)Math.Round(Number(m) * 1024)).ToString(CultureInfo.InvariantCulture) : Whole(m)),
        new("Memory", MemoryWords(), m => m["unit"].StartsWith('g') || m["unit"].StartsWith('G') ? ((long)Math.Round(Number(m) * 1024)).ToString(CultureInfo.InvariantCulture) : Whole(m)),
        new("DesiredCount", DesiredCountWords(), m => m["n"].Length == 0 ? "1" : Whole(m)),
        new("Port", PortWords(), m => Whole(m)),
        new("Architecture", ArmWords(), _ => "ARM64"),
        new("Architecture", X86Words(), _ => "X86_64"),
    ];

    public override string MemberSuffix(ResourceKind kind) => kind == ResourceKind.FargateTask ? "Task" : "Service";

    public override void Emit(Node node, IStackContext stack)
    {
        var resource = node.Resource;
        var statedCpu = node.Attribute("Cpu") is { } c ? (int)Long(c.Value) : resource.Cpu;
        var statedMemory = node.Attribute("Memory") is { } mem ? (int)Long(mem.Value) : resource.MemoryMb;
        var cpu = statedCpu ?? (statedMemory is { } m ? FargateSizes.Where(kv => kv.Value.Contains(m)).Select(kv => kv.Key).DefaultIfEmpty(256).Min() : 256);
        var memory = statedMemory ?? (FargateSizes.TryGetValue(cpu, out var sizes) ? sizes[0] : 512);
        if (!FargateSizes.TryGetValue(cpu, out var allowed) || !allowed.Contains(memory))
        {
            stack.Report(DiagnosticCatalog.GenerationFargateSize, resource.Location, node.Name, cpu, memory);
        }
        if (statedCpu is null || statedMemory is null)
        {
            stack.Note($"{node.Name}: {(statedCpu is null ? "CPU" : "memory")} not stated in the plan; {cpu} CPU units / {memory} MiB are used.");
        }

        var taskProps = Cs.New("Ecs::FargateTaskDefinitionProps")
            .With("Cpu", Cs.Number(cpu))
            .With("MemoryLimitMiB", Cs.Number(memory));
        if (node.Attribute("Architecture") is { } architecture)
        {
            taskProps = taskProps.With("RuntimePlatform", Cs.New("Ecs::RuntimePlatform")
                .With("CpuArchitecture", Cs.Name("Ecs::CpuArchitecture." + architecture.Value))
                .With("OperatingSystemFamily", Cs.Name("Ecs::OperatingSystemFamily.LINUX")));
        }
        stack.Acknowledge(node, node.TaskDefinitionMember!, "AwsSolutions-ECS2",
            $"The container's environment holds the plan's configuration values (Environment Variables table) for {IStackContext.IdOf(node.Member)} (plan line {node.Resource.Location.Line}); secrets reach it as ECS secrets from Secrets Manager, never as values.", node.Resource.Location.Line);
        stack.Add(node, node.TaskDefinitionMember!, "Ecs::FargateTaskDefinition",
            Cs.New("Ecs::FargateTaskDefinition", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.TaskDefinitionMember!)), taskProps));

        var container = Cs.New("Ecs::ContainerDefinitionOptions")
            .With("Image", Image(node, stack, out var imageComment))
            .With("Logging", Cs.Call("Ecs::LogDriver.AwsLogs", Cs.New("Ecs::AwsLogDriverProps")
                .With("StreamPrefix", Cs.String(Words.ToKebab(node.Name) is { Length: > 0 } prefix ? prefix : "app"))));
        if (node.Attribute("Port") is { } port)
        {
            container = container.With("PortMappings", Cs.Array("Ecs::PortMapping", [Cs.New("Ecs::PortMapping").With("ContainerPort", Cs.Number(Long(port.Value)))]));
        }
        stack.Add(node, node.ContainerMember!, "Ecs::ContainerDefinition",
            Cs.Call(node.TaskDefinitionMember! + ".AddContainer", Cs.String("App"), container),
            comments: imageComment is null ? null : [imageComment]);

        stack.Add(node, node.SecurityGroupMember!, "Ec2::SecurityGroup",
            Cs.New("Ec2::SecurityGroup", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.SecurityGroupMember!)), Cs.New("Ec2::SecurityGroupProps").With("Vpc", Cs.Name("Vpc"))));

        var scaling = node.Attribute("Scaling")?.Value.Split(':');
        if (node.Kind == ResourceKind.FargateTask)
        {
            foreach (var notForTasks in new[] { node.Attribute("Scaling"), node.Attribute("ScalingCpu") }.OfType<ResourceAttribute>())
            {
                stack.NotGenerated(node, notForTasks.Phrase, "a task runs to completion; scaling applies to services");
            }
            return;
        }
        var desired = node.Attribute("DesiredCount") is { } count ? Long(count.Value) : scaling is not null ? Long(scaling[0]) : 1;
        if (node.Attribute("DesiredCount") is null && scaling is null)
        {
            stack.Note($"{node.Name}: the plan states no number of tasks; one task runs.");
        }
        var serviceProps = Cs.New("Ecs::FargateServiceProps")
            .With("Cluster", Cs.Name("Cluster"))
            .With("TaskDefinition", Cs.Name(node.TaskDefinitionMember!))
            .With("DesiredCount", Cs.Number(desired))
            .With("MinHealthyPercent", Cs.Number(100))
            .With("MaxHealthyPercent", Cs.Number(200))
            .With("SecurityGroups", Cs.Array("Ec2::ISecurityGroup", [Cs.Name(node.SecurityGroupMember!)]));
        var statements = new List<Cs>();
        if (scaling is not null)
        {
            var scale = Cs.Call(node.Member + ".AutoScaleTaskCount", Cs.New("ApplicationAutoScaling::EnableScalingProps")
                .With("MinCapacity", Cs.Number(Long(scaling[0])))
                .With("MaxCapacity", Cs.Number(Long(scaling[1]))));
            statements.Add(node.Attribute("ScalingCpu") is { } target
                ? Cs.CallOn(scale, "ScaleOnCpuUtilization", Cs.String("CpuScaling"),
                    Cs.New("Ecs::CpuUtilizationScalingProps").With("TargetUtilizationPercent", Cs.Number(Long(target.Value))))
                : scale);
        }
        else if (node.Attribute("ScalingCpu") is { } orphan)
        {
            stack.NotGenerated(node, orphan.Phrase, "the plan gives no range of tasks to scale between");
        }
        stack.Add(node, node.Member, "Ecs::FargateService",
            Cs.New("Ecs::FargateService", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.Member)), serviceProps), statements);
    }

    private Cs Image(Node node, IStackContext stack, out string? comment)
    {
        comment = null;
        var image = (node.Attribute("Image")?.Value ?? node.Resource.Image)?.Trim();
        if (string.IsNullOrEmpty(image))
        {
            // The plan's only ECR repository, unless another container already names it as its image.
            var repositories = stack.Plan.Resources.Where(r => r.Kind == ResourceKind.EcrRepository).ToList();
            var claimed = repositories.Count == 1 && stack.Plan.Resources.Any(r => r.Image is { } other
                && other.Split(':')[0].Equals(repositories[0].Name, StringComparison.Ordinal));
            image = repositories.Count == 1 && !claimed ? repositories[0].Name : null;
        }
        if (string.IsNullOrEmpty(image))
        {
            stack.Report(DiagnosticCatalog.GenerationPlaceholderImage, node.Resource.Location, node.Name, Words.ToKebab(node.Name));
            stack.Note($"{node.Name} runs a placeholder image ({PlaceholderImage}): the plan names no ECR repository.");
            comment = "PLACEHOLDER image: the plan names no ECR repository. Replace it before deploying.";
            return Cs.Call("Ecs::ContainerImage.FromRegistry", Cs.String(PlaceholderImage));
        }
        var firstSegment = image.Split('/')[0];
        if (image.Contains('/', StringComparison.Ordinal) && (firstSegment.Contains('.', StringComparison.Ordinal) || firstSegment.Contains(':', StringComparison.Ordinal)))
        {
            return Cs.Call("Ecs::ContainerImage.FromRegistry", Cs.String(image));
        }
        var colon = image.LastIndexOf(':');
        var repository = colon > 0 ? image[..colon] : image;
        var tag = colon > 0 && colon < image.Length - 1 ? image[(colon + 1)..] : "latest";
        if (!RepositoryPattern().IsMatch(repository))
        {
            stack.Report(DiagnosticCatalog.GenerationInvalidRepository, node.Resource.Location, node.Name, image);
            return Cs.Call("Ecs::ContainerImage.FromRegistry", Cs.String(image));
        }
        var stem = node.Member.TrimStart('@');
        stem = stem.EndsWith(MemberSuffix(node.Kind), StringComparison.Ordinal) ? stem[..^MemberSuffix(node.Kind).Length] : stem;
        var repositoryId = IStackContext.IdOf(stack.Claim(stem + "Repository"));
        return Cs.Call("Ecs::ContainerImage.FromEcrRepository",
            Cs.Call("Ecr::Repository.FromRepositoryName", Cs.Name("this"), Cs.String(repositoryId), Cs.String(repository)), Cs.String(tag));
    }

    public override AlarmMetric? Metric(Node node, IReadOnlySet<string> words) =>
        node.Kind != ResourceKind.FargateService ? null
        : words.Contains("memory") ? new("MetricMemoryUtilization", "memory utilization", node.Member)
        : new("MetricCpuUtilization", "CPU utilization", node.Member);

    [GeneratedRegex("^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*/)*[a-z0-9]+(?:[._-][a-z0-9]+)*\\z")]
    private static partial Regex RepositoryPattern();

    [GeneratedRegex(@"\becr\b(?:\s+(?:repository|repo|image))?(?:\s+(?:named|called))?\s*:?\s+(?!(?:repository|repo|image)\b)(?<repo>[a-z0-9][a-z0-9._/-]*[a-z0-9](?::[\w.-]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex EcrAfterWords();

    [GeneratedRegex(@"(?<repo>[a-z0-9][a-z0-9._/-]*[a-z0-9])\s+ecr\s+(?:repository|repo|image)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EcrBeforeWords();

    [GeneratedRegex(@"\b(?:docker\s+|container\s+)?image\s*(?:[:=]|from|is)?\s*(?!(?:from|ecr|the|a|an|repository|repo|built|of|per|tag)\b)(?<repo>[a-z0-9][\w.-]*(?:/[\w.-]+)*(?::[\w.-]+)?(?:@sha256:[a-f0-9]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex ImageWords();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?:v\s*cpus?|cpu(?:\s+units)?)\b|\bcpu\s*(?:of|[:=])\s*(?<n>\d+(?:\.\d+)?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CpuWords();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<unit>mb|mib|gb|gib)\b(?!\s*(?:of\s+)?(?:storage|disk|ephemeral))(?:\s+(?:of\s+)?(?:memory|ram))?|\b(?:memory|ram)\s*(?:of|[:=])?\s*(?<n>\d{3,5})(?<unit>)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryWords();

    [GeneratedRegex(@"\b(?:desired\s*count|task\s*count|replicas)\s*(?:of|[:=]|is)?\s*" + PhraseValues.Count + @"|\b" + PhraseValues.Count + @"\s+(?:running\s+|fargate\s+|identical\s+)?(?:tasks|task\s+instances|replicas|containers|copies|instances)\b|\b(?:a\s+)?single\s+task\b(?<n>)", RegexOptions.IgnoreCase)]
    private static partial Regex DesiredCountWords();

    [GeneratedRegex(@"\bscal(?:es|ing|e)\s+(?:out\s+)?(?:between|from)\s+(?<min>\d+)\s*(?:and|to|-|–)\s*(?<max>\d+)(?:\s+tasks)?|\b(?<min>\d+)\s*(?:-|–|to)\s*(?<max>\d+)\s+tasks\b|\bmin(?:imum)?\s*(?:of\s+|[:=]\s*)?(?<min>\d+)\s*(?:tasks\s*)?[,/]?\s*(?:and\s+)?max(?:imum)?\s*(?:of\s+|[:=]\s*)?(?<max>\d+)(?:\s+tasks)?", RegexOptions.IgnoreCase)]
    private static partial Regex ScalingWords();

    [GeneratedRegex(@"\b(?:auto[- ]?)?scal(?:es|ing|e)\s+(?:out\s+)?(?:on|at|when|above|with)\s+(?:average\s+)?(?:cpu\s+)?(?:utili[sz]ation\s+)?(?:above\s+|over\s+|at\s+|of\s+)?(?<n>\d{1,3})\s*%(?:\s*cpu)?|\b(?:target\s+)?cpu\s+(?:target\s+)?(?:of\s+|at\s+)?(?<n>\d{1,3})\s*%", RegexOptions.IgnoreCase)]
    private static partial Regex ScalingCpuWords();

    [GeneratedRegex(@"\b(?:container\s+)?port\s*(?:[:=]|of|is)?\s*(?<n>\d{2,5})\b|\blisten(?:s|ing)?\s+on\s+(?:port\s+)?:?(?<n>\d{2,5})\b|(?<![\w:/.])(?::(?<n>\d{4,5}))\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortWords();

    [GeneratedRegex(@"\barm64\b|\barm\b|\bgraviton\d?\b|\baarch64\b", RegexOptions.IgnoreCase)]
    private static partial Regex ArmWords();

    [GeneratedRegex(@"\bx86[_-]?64\b|\bx86\b|\bamd64\b", RegexOptions.IgnoreCase)]
    private static partial Regex X86Words();
}
