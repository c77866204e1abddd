using ArchPlan.Model;

namespace ArchPlan.Kinds;

/// <summary>The resource kinds ArchPlan generates, one module each (see each folder under <c>Kinds/</c>).</summary>
internal static class KindCatalog
{
    /// <summary>Every module, in the order their constructs are declared.</summary>
    public static IReadOnlyList<KindModule> Modules { get; } =
    [
        new S3.S3BucketKind(),
        new DynamoDb.DynamoDbTableKind(),
        new Sqs.SqsQueueKind(),
        new Sns.SnsTopicKind(),
        new Rds.DatabaseKind(),
        new Lambda.LambdaFunctionKind(),
        new Ecs.FargateKind(),
        new StepFunctions.StateMachineKind(),
        new ApiGateway.ApiKind(),
        new Events.EventBridgeRuleKind(),
        new CloudWatch.AlarmKind(),
    ];

    private static readonly Dictionary<ResourceKind, KindModule> ByKind =
        Modules.SelectMany(m => m.Kinds.Select(k => (k, m))).ToDictionary(x => x.k, x => x.m);

    /// <summary>The module building <paramref name="kind"/>, or null for kinds the generator does not create.</summary>
    public static KindModule? For(ResourceKind kind) => ByKind.GetValueOrDefault(kind);
}
