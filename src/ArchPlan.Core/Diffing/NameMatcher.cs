using System.Text;
using System.Text.RegularExpressions;
using ArchPlan.Infrastructure;
using ArchPlan.Model;

namespace ArchPlan.Diffing;

/// <summary>
/// Compares plan names with CDK names. CDK logical ids are the construct path without non-alphanumerics plus an
/// 8-hex-digit hash (<c>leaderboard-snapshot</c> → <c>LeaderboardSnapshot3D8A1B7C</c>, or
/// <c>leaderboardsnapshot3D8A1B7C</c> from a Python app's snake_case id), so names are compared lowercased,
/// without punctuation and hash, and with or without a kind word such as "Function" or "Bucket".
/// </summary>
internal static partial class NameMatcher
{
    private static readonly Dictionary<ResourceKind, string[]> KindWords = new()
    {
        [ResourceKind.LambdaFunction] = ["function", "handler", "lambda", "func", "fn"],
        [ResourceKind.FargateService] = ["fargateservice", "service", "svc"],
        [ResourceKind.FargateTask] = ["taskdefinition", "taskdef", "task", "fargatetask"],
        [ResourceKind.S3Bucket] = ["bucket"],
        [ResourceKind.DynamoDbTable] = ["table"],
        [ResourceKind.SqsQueue] = ["queue"],
        [ResourceKind.SnsTopic] = ["topic"],
        [ResourceKind.EventBridgeRule] = ["schedulerule", "schedule", "rule"],
        [ResourceKind.RestApi] = ["restapi", "api"],
        [ResourceKind.HttpApi] = ["httpapi", "api"],
        [ResourceKind.CloudWatchAlarm] = ["alarm"],
        [ResourceKind.RdsInstance] = ["dbinstance", "database", "instance", "db"],
        [ResourceKind.AuroraCluster] = ["dbcluster", "database", "cluster", "db"],
        [ResourceKind.StateMachine] = ["statemachine", "workflow", "sfn"],
    };

    // Path segments CDK adds below the construct a person created.
    private static readonly HashSet<string> PlumbingSegments = new(StringComparer.Ordinal) { "Resource", "Default", "Service", "Resource.Default" };

    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }
        return builder.ToString();
    }

    /// <summary>The logical id without CDK's 8-hex-digit hash suffix.</summary>
    public static string StripHash(string logicalId)
    {
        var match = HashSuffix().Match(logicalId);
        return match.Success && match.Index > 0 ? logicalId[..match.Index] : logicalId;
    }

    /// <summary>The name forms of a plan name: normalized, without a kind word, without the product prefix.</summary>
    public static HashSet<string> PlanNames(string name, ResourceKind kind, string? product)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var normalized = Normalize(name);
        Add(names, normalized, kind);
        if (product is not null && Normalize(product) is { Length: > 0 } prefix && normalized.StartsWith(prefix, StringComparison.Ordinal))
        {
            Add(names, normalized[prefix.Length..], kind);
        }
        return names;
    }

    /// <summary>The name forms of an infrastructure resource: logical id without hash, construct id from the CDK path, physical name.</summary>
    public static HashSet<string> InfraNames(string logicalId, string? cdkPath, string? physicalName, ResourceKind kind, string? product)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var candidate in Candidates(logicalId, cdkPath, physicalName))
        {
            foreach (var form in PlanNames(candidate, kind, product))
            {
                names.Add(form);
            }
        }
        return names;
    }

    private static IEnumerable<string> Candidates(string logicalId, string? cdkPath, string? physicalName)
    {
        yield return StripHash(logicalId);
        if (physicalName is not null && !physicalName.Contains("${", StringComparison.Ordinal))
        {
            yield return physicalName;
        }
        if (cdkPath is not null)
        {
            var segments = cdkPath.Split('/').Skip(1).ToList();
            while (segments.Count > 1 && PlumbingSegments.Contains(segments[^1]))
            {
                segments.RemoveAt(segments.Count - 1);
            }
            if (segments.Count > 0)
            {
                yield return segments[^1];
                yield return string.Concat(segments);
            }
        }
    }

    private static void Add(HashSet<string> names, string normalized, ResourceKind kind)
    {
        if (normalized.Length == 0)
        {
            return;
        }
        names.Add(normalized);
        foreach (var word in KindWords.GetValueOrDefault(kind) ?? [])
        {
            if (normalized.Length > word.Length && normalized.EndsWith(word, StringComparison.Ordinal))
            {
                names.Add(normalized[..^word.Length]);
            }
            if (normalized.Length > word.Length && normalized.StartsWith(word, StringComparison.Ordinal))
            {
                names.Add(normalized[word.Length..]);
            }
        }
    }

    /// <summary>True when the infrastructure resource's CloudFormation type can be the plan's kind.</summary>
    /// <remarks>Plans say "Fargate task" and "Fargate service" loosely, so either matches a service or a task definition.</remarks>
    public static bool SameKind(ResourceKind planKind, InfraResource resource) =>
        planKind == resource.Kind || (IsEcs(planKind) && IsEcs(resource.Kind));

    private static bool IsEcs(ResourceKind kind) => kind is ResourceKind.FargateService or ResourceKind.FargateTask;

    [GeneratedRegex("[0-9A-F]{8}$")]
    private static partial Regex HashSuffix();
}
