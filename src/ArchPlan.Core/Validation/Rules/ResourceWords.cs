using System.Collections.Frozen;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>Matches the words a plan uses for a resource (<c>_(from RDS)_</c>, a scope cell) to the plan's resources.</summary>
internal static class ResourceWords
{
    private static readonly FrozenDictionary<string, ResourceKind[]> Kinds = new Dictionary<string, ResourceKind[]>
    {
        ["rds"] = [ResourceKind.RdsInstance, ResourceKind.AuroraCluster],
        ["postgres"] = [ResourceKind.RdsInstance, ResourceKind.AuroraCluster],
        ["postgresql"] = [ResourceKind.RdsInstance, ResourceKind.AuroraCluster],
        ["mysql"] = [ResourceKind.RdsInstance, ResourceKind.AuroraCluster],
        ["mariadb"] = [ResourceKind.RdsInstance],
        ["database"] = [ResourceKind.RdsInstance, ResourceKind.AuroraCluster, ResourceKind.DynamoDbTable],
        ["db"] = [ResourceKind.RdsInstance, ResourceKind.AuroraCluster, ResourceKind.DynamoDbTable],
        ["aurora"] = [ResourceKind.AuroraCluster, ResourceKind.RdsInstance],
        ["s3"] = [ResourceKind.S3Bucket],
        ["bucket"] = [ResourceKind.S3Bucket],
        ["dynamodb"] = [ResourceKind.DynamoDbTable],
        ["dynamo"] = [ResourceKind.DynamoDbTable],
        ["table"] = [ResourceKind.DynamoDbTable],
        ["sqs"] = [ResourceKind.SqsQueue],
        ["queue"] = [ResourceKind.SqsQueue],
        ["dlq"] = [ResourceKind.SqsQueue],
        ["sns"] = [ResourceKind.SnsTopic],
        ["topic"] = [ResourceKind.SnsTopic],
        ["eventbridge"] = [ResourceKind.EventBridgeRule],
        ["rule"] = [ResourceKind.EventBridgeRule],
        ["schedule"] = [ResourceKind.EventBridgeRule],
        ["api"] = [ResourceKind.RestApi, ResourceKind.HttpApi],
        ["gateway"] = [ResourceKind.RestApi, ResourceKind.HttpApi],
        ["apigateway"] = [ResourceKind.RestApi, ResourceKind.HttpApi],
        ["lambda"] = [ResourceKind.LambdaFunction],
        ["function"] = [ResourceKind.LambdaFunction],
        ["fargate"] = [ResourceKind.FargateService, ResourceKind.FargateTask],
        ["ecs"] = [ResourceKind.FargateService, ResourceKind.FargateTask, ResourceKind.EcsCluster],
        ["service"] = [ResourceKind.FargateService],
        ["task"] = [ResourceKind.FargateTask],
        ["alarm"] = [ResourceKind.CloudWatchAlarm],
        ["state"] = [ResourceKind.StateMachine],
        ["step"] = [ResourceKind.StateMachine],
        ["workflow"] = [ResourceKind.StateMachine],
        ["stepfunctions"] = [ResourceKind.StateMachine],
        ["sfn"] = [ResourceKind.StateMachine],
        ["ecr"] = [ResourceKind.EcrRepository],
        ["repository"] = [ResourceKind.EcrRepository],
        ["vpc"] = [ResourceKind.Vpc],
        ["cluster"] = [ResourceKind.EcsCluster, ResourceKind.AuroraCluster],
        ["kms"] = [ResourceKind.KmsKey],
        ["log"] = [ResourceKind.LogGroup],
        ["logs"] = [ResourceKind.LogGroup],
        ["dashboard"] = [ResourceKind.CloudWatchDashboard],
        ["secret"] = [ResourceKind.SecretsManagerSecret],
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Words naming values of the deployment rather than a resource (the account, the region, the stack).</summary>
    private static readonly FrozenSet<string> DeploymentWords = new[]
    {
        "aws", "account", "region", "stack", "cdk", "context", "deployment", "deploy", "parameter", "ssm", "output", "outputs", "environment",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly char[] Separators = [' ', '\t', '-', '_', '/', '.', ',', '(', ')', '`', '*'];

    /// <summary>True when the words name a resource of the plan, a resource the generator adds for it, or the deployment itself.</summary>
    public static bool Resolve(string words, Plan plan)
    {
        var text = words.Trim();
        if (text.Length == 0)
        {
            return true;
        }
        if (plan.Resources.Any(r => NamesResource(text, r)))
        {
            return true;
        }
        var tokens = text.Split(Separators, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Any(DeploymentWords.Contains))
        {
            return true;
        }
        var present = PresentKinds(plan);

        // "Step Functions" names a state machine, not Lambda functions.
        if (text.Contains("step function", StringComparison.OrdinalIgnoreCase))
        {
            return present.Contains(ResourceKind.StateMachine);
        }
        return tokens.Any(t => KindsOf(t).Any(present.Contains));
    }

    // Plurals too: "buckets", "queues".
    private static IEnumerable<ResourceKind> KindsOf(string token) =>
        Kinds.TryGetValue(token, out var kinds) || (token.Length > 3 && token.EndsWith('s') && Kinds.TryGetValue(token[..^1], out kinds))
            ? kinds
            : [];

    /// <summary>The plan's resources as a list for messages.</summary>
    public static string List(Plan plan) =>
        plan.Resources.Count == 0 ? "(none)" : string.Join(", ", plan.Resources.Select(r => Shown.Text(r.Name)));

    private static bool NamesResource(string text, PlannedResource resource) =>
        string.Equals(text, resource.Name, StringComparison.OrdinalIgnoreCase)
        || (resource.Name.Length >= 3 && text.Contains(resource.Name, StringComparison.OrdinalIgnoreCase));

    // The generator adds a VPC for Fargate and RDS, a cluster for Fargate and log groups for compute, so
    // a value may come from them even though the plan does not list them.
    private static HashSet<ResourceKind> PresentKinds(Plan plan)
    {
        var kinds = plan.Resources.Select(r => r.Kind).ToHashSet();
        if (kinds.Overlaps([ResourceKind.FargateService, ResourceKind.FargateTask, ResourceKind.RdsInstance, ResourceKind.AuroraCluster]))
        {
            kinds.Add(ResourceKind.Vpc);
        }
        if (kinds.Overlaps([ResourceKind.FargateService, ResourceKind.FargateTask]))
        {
            kinds.Add(ResourceKind.EcsCluster);
        }
        if (plan.Resources.Any(r => r.IsCompute))
        {
            kinds.Add(ResourceKind.LogGroup);
        }
        if (plan.Secrets.Count > 0)
        {
            kinds.Add(ResourceKind.SecretsManagerSecret);
        }
        return kinds;
    }
}
