using System.Globalization;
using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;
using ArchPlan.Generation.Code;
using ArchPlan.Generation.Naming;
using ArchPlan.Generation.Planning;
using ArchPlan.Model;
using static ArchPlan.Kinds.PhraseValues;

namespace ArchPlan.Kinds.Lambda;

/// <summary>
/// A Lambda function with placeholder code under <c>handlers/</c>. Understands the runtime, memory, timeout,
/// architecture, reserved concurrency, log retention, X-Ray tracing, ephemeral storage, a dead-letter queue and
/// placement in the VPC. Other computes invoke it.
/// </summary>
/// <remarks>Attributes: <c>Runtime</c> (python3.12, nodejs20.x, ...; or a family alone: python, nodejs, java, dotnet, ruby),
/// <c>Memory</c> (MB), <c>Timeout</c> (seconds), <c>Architecture</c> (ARM_64, X86_64), <c>ReservedConcurrency</c>,
/// <c>LogRetention</c> (days), <c>Tracing</c>, <c>EphemeralStorage</c> (MB), <c>DeadLetterQueue</c>, <c>Vpc</c>.</remarks>
internal sealed partial class LambdaFunctionKind : KindModule
{
    private static readonly Dictionary<string, string> KnownRuntimes = new(StringComparer.Ordinal)
    {
        ["python3.9"] = "PYTHON_3_9", ["python3.10"] = "PYTHON_3_10", ["python3.11"] = "PYTHON_3_11", ["python3.12"] = "PYTHON_3_12",
        ["nodejs18.x"] = "NODEJS_18_X", ["nodejs20.x"] = "NODEJS_20_X",
        ["java11"] = "JAVA_11", ["java17"] = "JAVA_17", ["java21"] = "JAVA_21",
        ["dotnet8"] = "DOTNET_8", ["ruby3.2"] = "RUBY_3_2", ["ruby3.3"] = "RUBY_3_3",
        ["provided.al2"] = "PROVIDED_AL2", ["provided.al2023"] = "PROVIDED_AL2023",
    };

    /// <summary>
    /// Runtimes Lambda offers that Amazon.CDK.Lib 2.160 has no constant for (added to the CDK later; the newest of each
    /// family is in <see cref="LambdaRuntimes.LatestOfFamily"/>): written as <c>new Runtime("name", family)</c>, with no
    /// warning, since they are not unknown. Not dotnet9: Lambda offers it for container images only, not .zip code.
    /// </summary>
    private static readonly HashSet<string> NewerRuntimes = new(StringComparer.Ordinal)
    {
        "python3.13", "python3.14", "python3.15", "nodejs22.x", "nodejs24.x", "java25", "dotnet10", "ruby3.4", "ruby4.0",
    };

    /// <summary>The runtime of a function the plan gives none: the newest Python (what cdk-nag's AwsSolutions-L1 asks for).</summary>
    private static string DefaultRuntime => LambdaRuntimes.LatestOfFamily["python"];

    /// <summary>CloudWatch Logs retention periods CDK names (days → RetentionDays member).</summary>
    private static readonly (int Days, string Member)[] RetentionPeriods =
    [
        (1, "ONE_DAY"), (3, "THREE_DAYS"), (5, "FIVE_DAYS"), (7, "ONE_WEEK"), (14, "TWO_WEEKS"), (30, "ONE_MONTH"),
        (60, "TWO_MONTHS"), (90, "THREE_MONTHS"), (120, "FOUR_MONTHS"), (150, "FIVE_MONTHS"), (180, "SIX_MONTHS"),
        (365, "ONE_YEAR"), (400, "THIRTEEN_MONTHS"), (545, "EIGHTEEN_MONTHS"), (731, "TWO_YEARS"), (1827, "FIVE_YEARS"),
        (3653, "TEN_YEARS"),
    ];

    public override IReadOnlyList<ResourceKind> Kinds { get; } = [ResourceKind.LambdaFunction];

    public override string Suffix => "Function";

    public override string Title => "Lambda function";

    public override BuildPhase Phase => BuildPhase.Compute;

    public override IReadOnlyList<string> KindWords { get; } = ["function", "handler", "runtime", "code", "serverless", "memory"];

    public override IReadOnlyList<Phrase> Phrases { get; } =
    [
        new("LogRetention", LogRetentionWords(), m => Days(m)),
        new("EphemeralStorage", EphemeralWords(), m => m["unit"].StartsWith('g') || m["unit"].StartsWith('G') ? ((long)(Number(m) * 1024)).ToString(CultureInfo.InvariantCulture) : Whole(m)),
        new("Runtime", RuntimeWords(), Runtime),
        new("Timeout", TimeoutWords(), m => Seconds(m)),
        new("Memory", MemoryWords(), m => m["unit"].StartsWith('g') || m["unit"].StartsWith('G') ? ((long)Math.Round(Number(m) * 1024)).ToString(CultureInfo.InvariantCulture) : Whole(m)),
        new("Timeout", SpecListTimeoutWords(), m => Seconds(m)),
        new("Architecture", ArmWords(), _ => "ARM_64"),
        new("Architecture", X86Words(), _ => "X86_64"),
        new("ReservedConcurrency", ConcurrencyWords(), m => Whole(m)),
        new("Tracing", TracingWords(), m => m.Negated ? "DISABLED" : "ACTIVE"),
        new("DeadLetterQueue", DeadLetterWords(), Flag),
        new("Vpc", VpcWords(), Flag),
    ];

    public override void Emit(Node node, IStackContext stack)
    {
        var resource = node.Resource;
        var runtime = node.Attribute("Runtime")?.Value ?? resource.Runtime?.Trim().ToLowerInvariant();
        if (string.IsNullOrEmpty(runtime))
        {
            stack.Report(DiagnosticCatalog.GenerationNoRuntime, resource.Location, node.Name, DefaultRuntime);
            runtime = DefaultRuntime;
        }
        else if (!LambdaRuntimes.LatestOfFamily.Values.Contains(runtime) && !runtime.StartsWith("provided", StringComparison.Ordinal))
        {
            var line = node.Attribute("Runtime")?.Location.Line ?? resource.Location.Line;
            stack.Acknowledge(node, node.Member, "AwsSolutions-L1",
                $"The plan (line {line}) names the runtime {(KnownRuntimes.ContainsKey(runtime) ? runtime + " " : "")}of function {IStackContext.IdOf(node.Member)}; the newest of its family is not used until the plan says so.", line);
        }
        else if (LambdaRuntimes.LatestOfFamily.TryGetValue(runtime, out var latest))
        {
            stack.Report(DiagnosticCatalog.GenerationDefaultUsed, node.Attribute("Runtime")?.Location ?? resource.Location, "runtime version", node.Name, latest,
                "Name the version, e.g. 'Python 3.12' or 'Node.js 20'.");
            runtime = latest;
        }
        var property = KnownRuntimes.GetValueOrDefault(runtime);
        if (property is null && !NewerRuntimes.Contains(runtime))
        {
            stack.Report(DiagnosticCatalog.GenerationUnknownRuntime, resource.Location, node.Name, runtime);
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
        var codePath = stack.HandlerFolder(node, family);

        var props = Cs.New("Lambda::FunctionProps")
            .With("Runtime", property is not null
                ? Cs.Name("Lambda::Runtime." + property)
                : Cs.New("Lambda::Runtime", Cs.String(runtime), Cs.Name("Lambda::RuntimeFamily." + family)))
            .With("Handler", Cs.String(handler))
            .With("Code", Cs.Call("Lambda::Code.FromAsset", Cs.String(codePath)));
        var memory = node.Attribute("Memory") is { } m ? Long(m.Value) : (long?)resource.MemoryMb;
        if (memory is { } mb)
        {
            props = props.With("MemorySize", Cs.Number(Adjust(stack, node, "Memory", mb, 128, 10240, "MB")));
        }
        var timeout = node.Attribute("Timeout") is { } t ? Long(t.Value) : (long?)resource.TimeoutSeconds;
        if (timeout is { } seconds)
        {
            props = props.With("Timeout", Cs.Duration("Seconds", Adjust(stack, node, "Timeout", seconds, 1, 900, "s")));
        }
        props = props
            .With("Architecture", Cs.Name("Lambda::Architecture." + node.Attribute("Architecture")?.Value), when: node.Attribute("Architecture") is not null)
            .With("ReservedConcurrentExecutions", node.Attribute("ReservedConcurrency") is { } rc ? Cs.Number(Long(rc.Value)) : null, when: node.Attribute("ReservedConcurrency") is not null)
            .With("Tracing", Cs.Name("Lambda::Tracing." + node.Attribute("Tracing")?.Value), when: node.Attribute("Tracing") is not null)
            .With("EphemeralStorageSize", node.Attribute("EphemeralStorage") is { } es ? Cs.Call("Cdk::Size.Mebibytes", Cs.Number(Adjust(stack, node, "Ephemeral storage", Long(es.Value), 512, 10240, "MB"))) : null,
                when: node.Attribute("EphemeralStorage") is not null);
        // An execution role of its own with only what the function needs (no AWS managed policy, cdk-nag
        // AwsSolutions-IAM4): writing to a log group of its own, kept as the plan says or one year; network interfaces
        // when it runs in the VPC. CDK adds tracing and dead-letter permissions to the same role.
        var id = IStackContext.IdOf(node.Member);
        var roleId = IStackContext.IdOf(stack.Claim(id + "Role"));
        node.RoleId = roleId;
        var logsId = IStackContext.IdOf(stack.Claim(id + "Logs"));
        var retentionMember = node.Attribute("LogRetention") is { } retention ? RetentionMember(stack, node, retention) : "ONE_YEAR";
        props = props
            .With("Role", Cs.New("Iam::Role", Cs.Name("this"), Cs.String(roleId), Cs.New("Iam::RoleProps")
                .With("AssumedBy", Cs.New("Iam::ServicePrincipal", Cs.String("lambda.amazonaws.com")))))
            .With("LogGroup", Cs.New("Logs::LogGroup", Cs.Name("this"), Cs.String(logsId), Cs.New("Logs::LogGroupProps")
                .With("Retention", Cs.Name("Logs::RetentionDays." + retentionMember))));
        var statements = new List<Cs> { Cs.Call(node.Member + ".LogGroup.GrantWrite", Cs.Name(node.Member + ".Role!")) };
        stack.SecureDefault("Lambda functions: an execution role of their own with no AWS managed policy (logs to the function's own log group, kept one year unless the plan says otherwise; network interfaces only in the VPC).");
        if (node.Attribute("DeadLetterQueue")?.Value == "true" || (node.Attribute("DeadLetterQueue") is null && resource.DeadLetterQueue))
        {
            props = props.With("DeadLetterQueueEnabled", Cs.Bool(true));
            var dlqLine = node.Attribute("DeadLetterQueue")?.Location.Line ?? resource.Location.Line;
            stack.Acknowledge(node, node.Member + ".DeadLetterQueue!", "AwsSolutions-SQS4",
                $"The dead-letter queue CDK creates for function {IStackContext.IdOf(node.Member)} (plan line {dlqLine}) receives only from Lambda itself; CDK offers no SSL-only policy for it.", dlqLine);
        }
        if (node.InVpc || node.Attribute("Vpc")?.Value == "true")
        {
            props = props
                .With("Vpc", Cs.Name("Vpc"))
                .With("VpcSubnets", Cs.New("Ec2::SubnetSelection").With("SubnetType", Cs.Name("Ec2::SubnetType.PRIVATE_WITH_EGRESS")));
            statements.Add(Cs.Call(node.Member + ".AddToRolePolicy", Cs.New("Iam::PolicyStatement", Cs.New("Iam::PolicyStatementProps")
                .With("Actions", Cs.Array("", VpcActions.Select(Cs.String)))
                .With("Resources", Cs.Array("", [Cs.String("*")])))));
        }
        stack.Add(node, node.Member, "Lambda::Function",
            Cs.New("Lambda::Function", Cs.Name("this"), Cs.String(IStackContext.IdOf(node.Member)), props),
            statements, comments: ["code: " + codePath]);
    }

    /// <summary>What Lambda needs to attach a function to the VPC (the actions of AWS's managed VPC access policy).</summary>
    private static readonly string[] VpcActions =
    [
        "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
        "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses",
    ];

    private static long Adjust(IStackContext stack, Node node, string what, long value, long min, long max, string unit)
    {
        if (value >= min && value <= max)
        {
            return value;
        }
        var used = Math.Clamp(value, min, max);
        stack.Report(DiagnosticCatalog.GenerationValueAdjusted, node.Resource.Location, what, node.Name, $"{value} {unit}", $"{used} {unit}", $"{min}-{max} {unit}");
        return used;
    }

    private static string RetentionMember(IStackContext stack, Node node, ResourceAttribute retention)
    {
        var days = Long(retention.Value);
        var (periodDays, member) = RetentionPeriods.FirstOrDefault(p => p.Days >= days) is { Member: not null } found ? found : RetentionPeriods[^1];
        if (periodDays != days)
        {
            stack.Report(DiagnosticCatalog.GenerationValueAdjusted, retention.Location, "Log retention", node.Name, $"{days} days", $"{periodDays} days",
                "the periods CloudWatch Logs offers (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653 days)");
        }
        return member;
    }

    public override Access DefaultAccess => Access.Write;

    public override IReadOnlyList<Grant> Grants(Access access) =>
        access == Access.Read ? [] : [new("GrantInvoke", "permission to invoke the function")];

    public override ResourceValue? ValueFor(Node node, IReadOnlyList<string> nameStems) =>
        nameStems.Contains("arn") ? new(Cs.Name(node.Member + ".FunctionArn"), "function ARN") : new(Cs.Name(node.Member + ".FunctionName"), "function name");

    public override AlarmMetric? Metric(Node node, IReadOnlySet<string> words) =>
        words.Contains("throttl") || words.Contains("throttle") ? new("MetricThrottles", "throttles", node.Member)
        : words.Contains("duration") || words.Contains("latency") || words.Contains("slow") ? new("MetricDuration", "duration", node.Member)
        : new("MetricErrors", "errors", node.Member);

    private static string? Runtime(PhraseMatch m)
    {
        var v = m["v"];
        return m["lang"].ToLowerInvariant() switch
        {
            "python" => v.Length > 0 ? "python" + v : "python",
            "node" or "nodejs" or "node.js" => v.Length > 0 ? $"nodejs{v}.x" : "nodejs",
            ".net" or "dotnet" => v.Length > 0 ? "dotnet" + v : "dotnet",
            "java" => v.Length > 0 ? "java" + v : "java",
            "ruby" => v.Length > 0 ? "ruby" + v : "ruby",
            "al2" => "provided.al2",
            _ => "provided.al2023",
        };
    }

    [GeneratedRegex(@"\b(?<lang>python)\s*(?<v>3\.\d{1,2})?\b|\b(?<lang>nodejs)(?<v>\d{2})\.x\b|\b(?<lang>node(?:\.?js)?)\s*(?:v)?(?<v>\d{2})?(?:\.x)?\b|(?<lang>\.net|\bdotnet)\s*(?:core\s*)?(?<v>\d+)?\b|\b(?<lang>java)\s*(?<v>\d{1,2})?\b|\b(?<lang>ruby)\s*(?<v>[34]\.\d)?\b|\bprovided\.(?<lang>al2023|al2)\b|\b(?<lang>golang|go\s*1\.\d+|go\s+(?:runtime|binary|lambda))\b|\((?<lang>go)\)", RegexOptions.IgnoreCase)]
    private static partial Regex RuntimeWords();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<unit>mb|mib|gb|gib)\b(?!\s*(?:of\s+)?(?:storage|disk|ephemeral|/tmp|payload))(?:\s+(?:of\s+)?(?:memory|ram))?|\b(?:memory|ram)\s*(?:size\s*)?(?:of|[:=])?\s*(?<n>\d{3,5})(?<unit>)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MemoryWords();

    [GeneratedRegex(@"\btime\s*-?\s*out\s*(?:of|is|[:=])?\s*" + PhraseValues.Duration + @"|" + PhraseValues.Duration + @"\s*(?:max(?:imum)?\s+)?time\s*-?\s*out\b", RegexOptions.IgnoreCase)]
    private static partial Regex TimeoutWords();

    // "Python 3.11 / 1024 MB / 60 s": a bare duration next to the memory in a spec list is the timeout.
    [GeneratedRegex(@"(?<=\b(?:mb|mib|gb|gib)\s*[/,·|]\s*)" + PhraseValues.Duration + @"(?!\s*(?:log|retention|schedule|rate|interval))", RegexOptions.IgnoreCase)]
    private static partial Regex SpecListTimeoutWords();

    [GeneratedRegex(@"\barm64\b|\barm\b|\bgraviton\d?\b|\baarch64\b", RegexOptions.IgnoreCase)]
    private static partial Regex ArmWords();

    [GeneratedRegex(@"\bx86[_-]?64\b|\bx86\b|\bamd64\b", RegexOptions.IgnoreCase)]
    private static partial Regex X86Words();

    [GeneratedRegex(@"\breserved\s+concurrency\s*(?:of|[:=]|is)?\s*(?<n>\d+)|(?<n>\d+)\s+reserved(?:\s+concurrent\s+executions|\s+concurrency)|\bconcurrency\s+(?:limit|cap)(?:ed)?\s*(?:of|at|to|[:=])?\s*(?<n>\d+)|\b(?:max(?:imum)?\s+)?concurrency\s*(?:of|[:=])\s*(?<n>\d+)|\bmax(?:imum)?\s+concurrency\s+(?<n>\d+)", RegexOptions.IgnoreCase)]
    private static partial Regex ConcurrencyWords();

    [GeneratedRegex(@"\blogs?\s+(?:are\s+)?(?:retention\s+|retained\s+|kept\s+)(?:of|for|[:=])?\s*" + PhraseValues.Duration + @"|" + PhraseValues.Duration + @"\s+(?:of\s+)?log\s+retention\b|\blog\s+retention\s*(?:of|is|[:=])?\s*" + PhraseValues.Duration, RegexOptions.IgnoreCase)]
    private static partial Regex LogRetentionWords();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<unit>mb|mib|gb|gib)\s+(?:of\s+)?(?:ephemeral\s+storage|/tmp(?:\s+storage)?)|\b(?:ephemeral\s+storage|/tmp)\s*(?:of|[:=])?\s*(?<n>\d+(?:\.\d+)?)\s*(?<unit>mb|mib|gb|gib)\b", RegexOptions.IgnoreCase)]
    private static partial Regex EphemeralWords();

    [GeneratedRegex(@"\bx-?ray(?:\s+tracing)?\b|\bactive\s+tracing\b|\btracing\b", RegexOptions.IgnoreCase)]
    private static partial Regex TracingWords();

    [GeneratedRegex(@"\bdead[- ]letter(?:\s+queue)?\b|\bdlq\b", RegexOptions.IgnoreCase)]
    private static partial Regex DeadLetterWords();

    [GeneratedRegex(@"\b(?:in|inside|within|attached\s+to)\s+(?:the\s+|a\s+|our\s+)?(?:[\w-]+\s+)?(?:private\s+)?(?:vpc|private\s+subnets?)\b|\bvpc[- ](?:attached|bound|enabled)\b", RegexOptions.IgnoreCase)]
    private static partial Regex VpcWords();
}
