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

    /// <summary>
    /// The name forms of a plan name: normalized, without a kind word, without the product prefix, and its words in
    /// alphabetical order (<c>service-jobs</c> and <c>JobsService</c> are one name).
    /// </summary>
    public static HashSet<string> PlanNames(string name, ResourceKind kind, string? product)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var normalized = Normalize(name);
        Add(names, normalized, kind);
        if (product is not null && Normalize(product) is { Length: > 0 } prefix && normalized.StartsWith(prefix, StringComparison.Ordinal))
        {
            Add(names, normalized[prefix.Length..], kind);
        }
        // Only names whose words are out of order have another form: most are not, and skip the sort.
        var words = Words(name);
        if (words.Count > 1 && !IsSorted(words))
        {
            words.Sort(StringComparer.Ordinal);
            Add(names, string.Concat(words), kind);
        }
        return names;
    }

    /// <summary>
    /// The name forms of an infrastructure resource: logical id without hash, each construct id of the CDK path (also
    /// without the stack's name, which Python and TypeScript apps often repeat in ids), the path joined, physical name.
    /// </summary>
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

    /// <summary>The construct id a person gave the resource: the last meaningful segment of its CDK path, or null.</summary>
    public static string? ConstructId(string? cdkPath)
    {
        var segments = PathSegments(cdkPath);
        return segments.Count > 0 ? segments[^1] : null;
    }

    /// <summary>
    /// The construct scopes above a resource's own construct, with their names: <c>Stack/catalog_api</c> (catalog_api)
    /// for <c>Stack/catalog_api/lambda/Resource</c>. A component written as one construct holds its function, API and table.
    /// </summary>
    public static IEnumerable<(string Path, string Name)> Scopes(string? cdkPath)
    {
        var segments = PathSegments(cdkPath);
        if (segments.Count < 2)
        {
            yield break;
        }
        var path = cdkPath!.Split('/')[0];
        for (var i = 0; i < segments.Count - 1; i++)
        {
            path += "/" + segments[i];
            yield return (path, segments[i]);
        }
    }

    /// <summary>The CDK path without the stack and without the segments CDK adds below the construct.</summary>
    private static List<string> PathSegments(string? cdkPath)
    {
        if (cdkPath is null)
        {
            return [];
        }
        var segments = cdkPath.Split('/').Skip(1).ToList();
        while (segments.Count > 1 && PlumbingSegments.Contains(segments[^1]))
        {
            segments.RemoveAt(segments.Count - 1);
        }
        return segments;
    }

    /// <summary>
    /// The name forms of the construct scopes a resource sits in (<c>ingest_api</c> for <c>Stack/ingest_api/handler</c>):
    /// a plan item may name the component rather than the resource.
    /// </summary>
    public static HashSet<string> ScopeNames(string? cdkPath, ResourceKind kind, string? product)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var stack = cdkPath is null ? "" : Normalize(cdkPath.Split('/')[0]);
        foreach (var (_, scope) in Scopes(cdkPath))
        {
            foreach (var candidate in WithoutStack(scope, stack))
            {
                names.UnionWith(PlanNames(candidate, kind, product));
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
        var segments = PathSegments(cdkPath);
        if (segments.Count == 0)
        {
            yield break;
        }
        foreach (var candidate in WithoutStack(segments[^1], Normalize(cdkPath!.Split('/')[0])))
        {
            yield return candidate;
        }
        yield return string.Concat(segments);
    }

    /// <summary>A construct id, and (when it repeats it, as Python and TypeScript apps often do) without the stack's name.</summary>
    private static IEnumerable<string> WithoutStack(string segment, string stack)
    {
        yield return segment;
        var normalized = Normalize(segment);
        if (stack.Length > 0 && normalized.Length > stack.Length && normalized.StartsWith(stack, StringComparison.Ordinal))
        {
            yield return normalized[stack.Length..];
        }
    }

    /// <summary>The words of a name, lowercased: <c>JobsService</c>, <c>jobs-service</c> and <c>jobs_service</c> → jobs, service.</summary>
    /// <remarks>
    /// A word is a capital and lower-case letters, a run of capitals not followed by a lower-case letter (<c>API</c> in
    /// <c>APIHandler</c>), or digits; digits after letters stay with them (<c>S3</c>, <c>EC2</c>). Scanned by hand: diff
    /// asks for the words of every name of every resource.
    /// </remarks>
    public static List<string> Words(string name)
    {
        var words = new List<string>(4);
        var i = 0;
        while (i < name.Length)
        {
            if (!char.IsAsciiLetterOrDigit(name[i]))
            {
                i++;
                continue;
            }
            var start = i;
            if (char.IsAsciiDigit(name[i]))
            {
                while (i < name.Length && char.IsAsciiDigit(name[i]))
                {
                    i++;
                }
            }
            else if (char.IsAsciiLetterUpper(name[i]) && i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]))
            {
                i++;
                while (i < name.Length && char.IsAsciiLetterLower(name[i]))
                {
                    i++;
                }
            }
            else if (char.IsAsciiLetterUpper(name[i]))
            {
                // Capitals up to (not including) one that starts a capitalised word: "APIHandler" → API, Handler.
                while (i < name.Length && char.IsAsciiLetterUpper(name[i]) && !(i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]) && i > start))
                {
                    i++;
                }
            }
            else
            {
                while (i < name.Length && char.IsAsciiLetterLower(name[i]))
                {
                    i++;
                }
            }
            if (start < i && !char.IsAsciiDigit(name[start]))
            {
                while (i < name.Length && char.IsAsciiDigit(name[i]))
                {
                    i++;
                }
            }
            words.Add(name[start..i].ToLowerInvariant());
        }
        return words;
    }

    private static bool IsSorted(List<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            if (string.CompareOrdinal(words[i - 1], words[i]) > 0)
            {
                return false;
            }
        }
        return true;
    }

    // Words that name a service or a kind of resource rather than one resource: "the S3 bucket", "AWS Lambda", "ECS Fargate".
    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "amazon", "aws", "the", "a", "an", "main", "primary", "single", "s3", "bucket", "buckets", "dynamodb", "dynamo", "db", "table",
        "tables", "lambda", "lambdas", "function", "functions", "fargate", "ecs", "service", "services", "task", "tasks", "container",
        "containers", "sqs", "queue", "queues", "sns", "topic", "topics", "eventbridge", "event", "events", "bridge", "rule", "rules",
        "schedule", "scheduler", "api", "apis", "gateway", "apigateway", "rest", "http", "cloudwatch", "cloud", "watch", "alarm", "alarms",
        "rds", "postgres", "postgresql", "mysql", "aurora", "database", "databases", "instance", "cluster", "step", "state", "machine",
        "stepfunctions", "vpc", "virtual", "private", "network", "ecr", "repository", "registry", "logs", "log", "group", "groups",
        "kms", "key", "keys", "dashboard", "dashboards", "secrets", "manager", "secretsmanager", "serverless", "storage", "object",
    };

    /// <summary>True when a plan name only names the service or kind (<c>S3 Bucket</c>, <c>AWS Lambda</c>), not one resource.</summary>
    public static bool IsGeneric(string name)
    {
        // "PostgreSQL" is one word to a reader, two to a camel-case split: either reading may be the generic one.
        var words = Words(name);
        var plain = name.Split((char[])[' ', '-', '_', '/', '.', '(', ')', ','], StringSplitOptions.RemoveEmptyEntries).Select(w => w.ToLowerInvariant()).ToList();
        return (words.Count > 0 && words.TrueForAll(GenericWords.Contains)) || (plain.Count > 0 && plain.TrueForAll(GenericWords.Contains))
            || IsGenericRun(Normalize(name));
    }

    /// <summary>True when a run of letters is generic words run together (<c>fargateservice</c>, <c>s3bucket</c>).</summary>
    private static bool IsGenericRun(string normalized)
    {
        if (normalized.Length == 0)
        {
            return false;
        }
        var reachable = new bool[normalized.Length + 1];
        reachable[0] = true;
        for (var end = 1; end <= normalized.Length; end++)
        {
            for (var start = Math.Max(0, end - 16); start < end && !reachable[end]; start++)
            {
                reachable[end] = reachable[start] && GenericWords.Contains(normalized[start..end]);
            }
        }
        return reachable[^1];
    }

    /// <summary>
    /// True when a plan name consists of words of a CloudFormation type (and vendor words): <c>CloudFront Distribution</c>
    /// names <c>AWS::CloudFront::Distribution</c>, <c>EFS</c> names <c>AWS::EFS::FileSystem</c>.
    /// </summary>
    public static bool NamesType(string name, string type)
    {
        var words = Words(name).Where(w => w is not ("amazon" or "aws" or "the" or "a" or "an")).ToList();
        var parts = type.Split("::");
        if (words.Count == 0 || parts.Length < 3)
        {
            return false;
        }
        var service = RunsOf(parts[1]);
        var resource = RunsOf(parts[2]);
        if (words.TrueForAll(w => service.Contains(w) || resource.Contains(w)))
        {
            return true;
        }

        // "cloudfront-distribution-oac": the service and the resource named, with a word of the plan's own.
        return words.Exists(service.Contains) && Words(parts[2]).TrueForAll(words.Contains);
    }

    /// <summary>Every run of consecutive words of a type part: <c>OpenSearchServerless</c> → open, opensearch, search, ...</summary>
    private static HashSet<string> RunsOf(string part)
    {
        var runs = new HashSet<string>(StringComparer.Ordinal);
        var pieces = Words(part);
        for (var start = 0; start < pieces.Count; start++)
        {
            for (var end = start + 1; end <= pieces.Count; end++)
            {
                runs.Add(string.Concat(pieces.Skip(start).Take(end - start)));
            }
        }
        return runs;
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
