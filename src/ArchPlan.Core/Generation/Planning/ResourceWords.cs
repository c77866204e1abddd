using ArchPlan.Generation.Naming;
using ArchPlan.Model;

namespace ArchPlan.Generation.Planning;

/// <summary>What words in a plan say about resource kinds and attributes.</summary>
internal static class ResourceWords
{
    /// <summary>Kinds named by words such as "S3 bucket" or "RDS" (empty when the words name no kind).</summary>
    public static IReadOnlyList<ResourceKind> KindsNamedBy(IReadOnlyList<string> stems)
    {
        bool Has(params string[] words) => words.Any(stems.Contains);
        var kinds = new List<ResourceKind>();
        if (Has("s3", "bucket"))
        {
            kinds.Add(ResourceKind.S3Bucket);
        }
        if (Has("dynamodb", "dynamo", "ddb", "table"))
        {
            kinds.Add(ResourceKind.DynamoDbTable);
        }
        if (Has("sqs", "queue", "dlq"))
        {
            kinds.Add(ResourceKind.SqsQueue);
        }
        if (Has("sns", "topic"))
        {
            kinds.Add(ResourceKind.SnsTopic);
        }
        if (Has("rds", "postgres", "postgresql", "mysql", "database", "db", "aurora"))
        {
            kinds.Add(ResourceKind.RdsInstance);
            kinds.Add(ResourceKind.AuroraCluster);
        }
        if (Has("sfn", "stepfunction", "statemachine") || (Has("state") && Has("machine")) || (Has("step") && Has("function")))
        {
            kinds.Add(ResourceKind.StateMachine);
        }
        if (Has("api", "apigateway", "gateway"))
        {
            kinds.Add(ResourceKind.RestApi);
            kinds.Add(ResourceKind.HttpApi);
        }
        if (kinds.Count == 0 && Has("lambda", "function"))
        {
            kinds.Add(ResourceKind.LambdaFunction);
        }
        return kinds;
    }

    /// <summary>Words that name a kind rather than a particular resource.</summary>
    public static readonly HashSet<string> KindWords = new(StringComparer.Ordinal)
    {
        "s3", "bucket", "dynamodb", "dynamo", "ddb", "table", "sqs", "queue", "sns", "topic", "rds", "postgres",
        "postgresql", "mysql", "database", "db", "aurora", "sfn", "state", "machine", "step", "stepfunction",
        "statemachine", "api", "apigateway", "gateway", "lambda", "function", "the", "from", "of", "instance",
        "cluster", "endpoint", "name", "arn", "url", "host", "port", "aws", "amazon", "http", "rest", "main",
    };

    /// <summary>Variable-name endings that refer to a resource kind, longest first: (words, kinds).</summary>
    public static readonly (string[] Suffix, ResourceKind[] Kinds)[] NameSuffixes =
    [
        (["state", "machine", "arn"], [ResourceKind.StateMachine]),
        (["state", "machine"], [ResourceKind.StateMachine]),
        (["sfn", "arn"], [ResourceKind.StateMachine]),
        (["bucket", "name"], [ResourceKind.S3Bucket]),
        (["bucket", "arn"], [ResourceKind.S3Bucket]),
        (["bucket"], [ResourceKind.S3Bucket]),
        (["table", "name"], [ResourceKind.DynamoDbTable]),
        (["table", "arn"], [ResourceKind.DynamoDbTable]),
        (["table"], [ResourceKind.DynamoDbTable]),
        (["queue", "url"], [ResourceKind.SqsQueue]),
        (["queue", "name"], [ResourceKind.SqsQueue]),
        (["queue", "arn"], [ResourceKind.SqsQueue]),
        (["queue"], [ResourceKind.SqsQueue]),
        (["topic", "arn"], [ResourceKind.SnsTopic]),
        (["topic", "name"], [ResourceKind.SnsTopic]),
        (["topic"], [ResourceKind.SnsTopic]),
        (["db", "host"], [ResourceKind.RdsInstance, ResourceKind.AuroraCluster]),
        (["db", "endpoint"], [ResourceKind.RdsInstance, ResourceKind.AuroraCluster]),
        (["db", "port"], [ResourceKind.RdsInstance, ResourceKind.AuroraCluster]),
        (["database", "host"], [ResourceKind.RdsInstance, ResourceKind.AuroraCluster]),
        (["database", "endpoint"], [ResourceKind.RdsInstance, ResourceKind.AuroraCluster]),
        (["database", "port"], [ResourceKind.RdsInstance, ResourceKind.AuroraCluster]),
        (["rds", "host"], [ResourceKind.RdsInstance, ResourceKind.AuroraCluster]),
        (["rds", "endpoint"], [ResourceKind.RdsInstance, ResourceKind.AuroraCluster]),
        (["api", "url"], [ResourceKind.RestApi, ResourceKind.HttpApi]),
        (["api", "endpoint"], [ResourceKind.RestApi, ResourceKind.HttpApi]),
    ];

    /// <summary>True for stems that only say "every compute" in a scope cell.</summary>
    public static bool IsEveryone(IReadOnlyList<string> stems) =>
        stems.Count > 0 && stems.All(s => s is "all" or "every" or "both" or "any" or "compute" or "everything" or "global");

    /// <summary>The kinds of compute a scope entry names ("Lambda", "ECS task", "containers"), or null.</summary>
    public static Func<ResourceKind, bool>? ComputeKindNamedBy(IReadOnlyList<string> stems)
    {
        if (stems.Count == 0)
        {
            return null;
        }
        if (stems.All(s => s is "lambda" or "function" or "handler" or "aws"))
        {
            return k => k == ResourceKind.LambdaFunction;
        }
        if (stems.All(s => s is "fargate" or "ecs" or "container" or "worker" or "docker" or "aws"))
        {
            return k => k is ResourceKind.FargateService or ResourceKind.FargateTask;
        }
        if (stems.All(s => s is "fargate" or "ecs" or "task" or "scheduled" or "aws") && stems.Contains("task"))
        {
            return k => k == ResourceKind.FargateTask;
        }
        if (stems.All(s => s is "fargate" or "ecs" or "service" or "aws") && stems.Contains("service"))
        {
            return k => k == ResourceKind.FargateService;
        }
        return null;
    }

    /// <summary>Stemmed words of a text, for matching.</summary>
    public static IReadOnlyList<string> Stems(string? text) => NameMatcher.Stems(text);
}
