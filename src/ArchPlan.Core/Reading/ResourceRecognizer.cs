using System.Globalization;
using System.Text.RegularExpressions;
using ArchPlan.Model;

namespace ArchPlan.Reading;

/// <summary>Recognises which AWS resource a line of prose names, and the settings written beside it.</summary>
public static partial class ResourceRecognizer
{
    // Source-generated: no Reflection.Emit at start-up (the CLI runs a fraction of a second) and the same code in the native build.
    private static readonly (Regex Pattern, ResourceKind Kind)[] Patterns =
    [
        (StateMachineWords(), ResourceKind.StateMachine),
        (LambdaFunctionWords(), ResourceKind.LambdaFunction),
        (FargateServiceWords(), ResourceKind.FargateService),
        (EcrRepositoryWords(), ResourceKind.EcrRepository),
        (S3BucketWords(), ResourceKind.S3Bucket),
        (DynamoDbTableWords(), ResourceKind.DynamoDbTable),
        (SqsQueueWords(), ResourceKind.SqsQueue),
        (SnsTopicWords(), ResourceKind.SnsTopic),
        (EventBridgeRuleWords(), ResourceKind.EventBridgeRule),
        (RestApiWords(), ResourceKind.RestApi),
        (CloudWatchAlarmWords(), ResourceKind.CloudWatchAlarm),
        (AuroraClusterWords(), ResourceKind.AuroraCluster),
        (RdsInstanceWords(), ResourceKind.RdsInstance),
        (VpcWords(), ResourceKind.Vpc),
        (LogGroupWords(), ResourceKind.LogGroup),
        (IamRoleWords(), ResourceKind.IamRole),
        (SecretsManagerSecretWords(), ResourceKind.SecretsManagerSecret),
        (KmsKeyWords(), ResourceKind.KmsKey),
        (CloudWatchDashboardWords(), ResourceKind.CloudWatchDashboard),
    ];

    /// <summary>The kind the text names first (earliest mention wins, then the longest), with the matched span.</summary>
    public static (ResourceKind Kind, int Index, int Length)? Recognize(string text)
    {
        var lower = text.ToLowerInvariant();
        (ResourceKind Kind, int Index, int Length)? best = null;
        foreach (var (pattern, kind) in Patterns)
        {
            var match = pattern.Match(lower);
            if (match.Success && (best is null || match.Index < best.Value.Index || (match.Index == best.Value.Index && match.Length > best.Value.Length)))
            {
                best = (kind, match.Index, match.Length);
            }
        }
        if (best is null)
        {
            return null;
        }
        var refined = Refine(best.Value.Kind, lower);
        return (refined, best.Value.Index, best.Value.Length);
    }

    /// <summary>
    /// The text without the words that name its own kind (the first kind mention) and generic service words, for a
    /// name made from prose: other kinds' words stay ("alarm when the DLQ depth…" keeps "DLQ").
    /// </summary>
    public static string StripOwnKindWords(string text)
    {
        var lower = text.ToLowerInvariant();
        if (Recognize(lower) is { } own)
        {
            lower = lower[..own.Index] + " " + lower[(own.Index + own.Length)..];
        }
        return KindNoise().Replace(lower, " ");
    }

    /// <summary>Kind words to strip when deriving a name from prose.</summary>
    public static string StripKindWords(string text)
    {
        var result = text.ToLowerInvariant();
        foreach (var (pattern, _) in Patterns)
        {
            result = pattern.Replace(result, " ");
        }
        return KindNoise().Replace(result, " ");
    }

    public static string? Runtime(string text)
    {
        var lower = text.ToLowerInvariant();
        if (Python().Match(lower) is { Success: true } python)
        {
            return "python" + python.Groups["v"].Value;
        }
        if (Node().Match(lower) is { Success: true } node)
        {
            return $"nodejs{node.Groups["v"].Value}.x";
        }
        if (DotNet().Match(lower) is { Success: true } dotnet)
        {
            return "dotnet" + (dotnet.Groups["v"].Success ? dotnet.Groups["v"].Value : dotnet.Groups["w"].Value);
        }
        if (Java().Match(lower) is { Success: true } java)
        {
            return "java" + java.Groups["v"].Value;
        }
        if (Ruby().Match(lower) is { Success: true } ruby)
        {
            return "ruby" + ruby.Groups["v"].Value;
        }
        if (lower.Contains("provided.al2023", StringComparison.Ordinal) || Go().IsMatch(lower))
        {
            return "provided.al2023";
        }
        return null;
    }

    public static int? MemoryMb(string text)
    {
        var match = Memory().Match(text.ToLowerInvariant());
        if (!match.Success)
        {
            return null;
        }
        var value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return (int)Math.Round(match.Groups["unit"].Value.StartsWith('g') ? value * 1024 : value);
    }

    public static int? CpuUnits(string text)
    {
        var match = Cpu().Match(text.ToLowerInvariant());
        if (!match.Success)
        {
            return null;
        }
        var value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        return value <= 16 ? (int)Math.Round(value * 1024) : (int)value;
    }

    public static int? TimeoutSeconds(string text)
    {
        var lower = text.ToLowerInvariant();
        var match = TimeoutBefore().Match(lower);
        if (!match.Success)
        {
            match = TimeoutAfter().Match(lower);
        }
        if (!match.Success)
        {
            return null;
        }
        var value = double.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture);
        var unit = match.Groups["unit"].Value;
        var seconds = unit.StartsWith("ms", StringComparison.Ordinal) ? value / 1000
            : unit.StartsWith('m') ? value * 60
            : unit.StartsWith('h') ? value * 3600
            : value;
        return Math.Max(1, (int)Math.Round(seconds));
    }

    /// <summary>The ECR repository a container image comes from, when the text names one.</summary>
    public static string? EcrRepository(string text)
    {
        var lower = text.ToLowerInvariant();
        var match = EcrAfter().Match(lower);
        if (!match.Success)
        {
            match = EcrBefore().Match(lower);
        }
        return match.Success ? match.Groups["repo"].Value.TrimEnd('.', ',') : null;
    }

    private static ResourceKind Refine(ResourceKind kind, string lower) => kind switch
    {
        ResourceKind.FargateService when TaskWords().IsMatch(lower) && !ServiceWords().IsMatch(lower) => ResourceKind.FargateTask,
        ResourceKind.FargateService when !ServiceWords().IsMatch(lower) && lower.Contains("cluster", StringComparison.Ordinal) => ResourceKind.EcsCluster,
        ResourceKind.RestApi when HttpApiWords().IsMatch(lower) => ResourceKind.HttpApi,

        // "RDS Aurora PostgreSQL cluster": Aurora is an RDS engine, and the more specific word decides.
        ResourceKind.RdsInstance when lower.Contains("aurora", StringComparison.Ordinal) => ResourceKind.AuroraCluster,
        _ => kind,
    };

    [GeneratedRegex(@"\b(?:function|functions|service|table|tables|rule|rules|cluster|instance|database|db|postgresql|repository|repo|for|the|a|an|of|to|and|with|on|in|new|aws|amazon|standard|fifo|on-demand|storing|store|stores|that|which|via)\b")]
    private static partial Regex KindNoise();

    [GeneratedRegex(@"\btasks?\b|\bscheduled\b|\bone-off\b|\bbatch\b|\brun\s+task\b")]
    private static partial Regex TaskWords();

    [GeneratedRegex(@"\bservices?\b")]
    private static partial Regex ServiceWords();

    [GeneratedRegex(@"\bhttp\s+api\b|\bapi\s*gateway\s+v2\b|\bhttpapi\b|\bapigatewayv2\b|\(http\)|\bhttp\b")]
    private static partial Regex HttpApiWords();

    [GeneratedRegex(@"python\s*(?<v>3\.\d+)")]
    private static partial Regex Python();

    [GeneratedRegex(@"node(?:\.?js)?\s*(?<v>\d{2})(?:\.x)?")]
    private static partial Regex Node();

    [GeneratedRegex(@"(?:\.net|dotnet)\s*(?:(?<v>\d+)|core\s*(?<w>\d+))")]
    private static partial Regex DotNet();

    [GeneratedRegex(@"\bjava\s*(?<v>\d{1,2})\b")]
    private static partial Regex Java();

    [GeneratedRegex(@"\bruby\s*(?<v>[34]\.\d)")]
    private static partial Regex Ruby();

    [GeneratedRegex(@"\bgolang\b|\bgo\s*1\.\d+\b|\bgo\s+(?:runtime|binary|lambda)\b|\(go\)")]
    private static partial Regex Go();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?<unit>mb|mib|gb|gib)\b(?!\s*(?:storage|disk|ephemeral))")]
    private static partial Regex Memory();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*(?:v\s*cpus?|cpu(?:\s+units)?)\b")]
    private static partial Regex Cpu();

    [GeneratedRegex(@"timeout\s*(?:of|:|=|is)?\s*(?<n>\d+(?:\.\d+)?)\s*(?<unit>ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\b")]
    private static partial Regex TimeoutBefore();

    [GeneratedRegex(@"(?<n>\d+(?:\.\d+)?)\s*-?\s*(?<unit>ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?)\s+(?:max(?:imum)?\s+)?timeout\b")]
    private static partial Regex TimeoutAfter();

    [GeneratedRegex(@"\becr\b(?:\s+(?:repository|repo|image))?(?:\s+(?:named|called))?\s*:?\s+(?!(?:repository|repo|image)\b)(?<repo>[a-z0-9][a-z0-9._/-]*[a-z0-9](?::[\w.-]+)?)")]
    private static partial Regex EcrAfter();

    [GeneratedRegex(@"(?<repo>[a-z0-9][a-z0-9._/-]*[a-z0-9])\s+ecr\s+(?:repository|repo|image)")]
    private static partial Regex EcrBefore();

    [GeneratedRegex(@"\bstep\s*functions?\b|\bstate\s*machines?\b|\bsfn\b")]
    private static partial Regex StateMachineWords();

    [GeneratedRegex(@"\b(?:aws\s+)?lambda\b(?!@)")]
    private static partial Regex LambdaFunctionWords();

    [GeneratedRegex(@"\b(?:ecs|fargate)\b")]
    private static partial Regex FargateServiceWords();

    [GeneratedRegex(@"\becr\b|\bcontainer\s+registry\b")]
    private static partial Regex EcrRepositoryWords();

    [GeneratedRegex(@"\bs3\b|\bbuckets?\b")]
    private static partial Regex S3BucketWords();

    [GeneratedRegex(@"\bdynamo\s*(?:db)?\b")]
    private static partial Regex DynamoDbTableWords();

    [GeneratedRegex(@"\bsqs\b|\bqueues?\b|\bdead[- ]letter\b|\bdlq\b")]
    private static partial Regex SqsQueueWords();

    [GeneratedRegex(@"\bsns\b|\btopics?\b")]
    private static partial Regex SnsTopicWords();

    [GeneratedRegex(@"\bevent\s*bridge\b|\bcloudwatch\s+events?\b|\bscheduled\s+rules?\b|\bscheduler\b|\bcron\s+rule\b")]
    private static partial Regex EventBridgeRuleWords();

    [GeneratedRegex(@"\bapi\s*gateway\b|\bhttp\s+api\b|\brest\s+api\b|\bapigateway(?:v2)?\b")]
    private static partial Regex RestApiWords();

    [GeneratedRegex(@"\b(?:cloudwatch\s+)?alarms?\b")]
    private static partial Regex CloudWatchAlarmWords();

    [GeneratedRegex(@"\baurora\b")]
    private static partial Regex AuroraClusterWords();

    [GeneratedRegex(@"\brds\b|\bpostgres(?:ql)?\b|\bmysql\b|\bmariadb\b|\brelational\s+database\b")]
    private static partial Regex RdsInstanceWords();

    [GeneratedRegex(@"\bvpcs?\b")]
    private static partial Regex VpcWords();

    [GeneratedRegex(@"\blog\s+groups?\b|\bcloudwatch\s+logs?\b")]
    private static partial Regex LogGroupWords();

    [GeneratedRegex(@"\biam\b|\broles?\b")]
    private static partial Regex IamRoleWords();

    [GeneratedRegex(@"\bsecrets?\s+manager\b|\bsecrets?\b")]
    private static partial Regex SecretsManagerSecretWords();

    [GeneratedRegex(@"\bkms\b")]
    private static partial Regex KmsKeyWords();

    [GeneratedRegex(@"\bdashboards?\b")]
    private static partial Regex CloudWatchDashboardWords();
}
