using ArchPlan.Common;
using ArchPlan.Diagnostics;

namespace ArchPlan.Model;

/// <summary>The kinds of AWS resource a plan can name.</summary>
public enum ResourceKind
{
    Unknown,
    LambdaFunction,
    FargateService,
    FargateTask,
    S3Bucket,
    DynamoDbTable,
    SqsQueue,
    SnsTopic,
    EventBridgeRule,
    RestApi,
    HttpApi,
    CloudWatchAlarm,
    RdsInstance,
    AuroraCluster,
    StateMachine,

    // Supporting resources: recognised so they are not reported as unknown; the generator creates what
    // the other resources need (a VPC for Fargate or RDS, a cluster for Fargate, log groups) itself.
    EcrRepository,
    Vpc,
    EcsCluster,
    LogGroup,
    IamRole,
    SecretsManagerSecret,
    KmsKey,
    CloudWatchDashboard,
}

/// <summary>One resource from the plan's AWS Resources list.</summary>
public sealed record PlannedResource
{
    public required ResourceKind Kind { get; init; }

    /// <summary>The resource's own name (from a bold or code span, else derived from the text), e.g. <c>leaderboard-snapshot</c>.</summary>
    public required string Name { get; init; }

    /// <summary>
    /// True when the plan gives the resource no name of its own (no code span or bold name) and <see cref="Name"/> was
    /// made from its words ("**Amazon S3** for the scans" → <c>scans</c>): diff then looks for it by kind too.
    /// </summary>
    public bool NameIsDerived { get; init; }

    /// <summary>The list item as plain text, for messages and comments.</summary>
    public required string Text { get; init; }

    public required SourceLocation Location { get; init; }

    /// <summary>Lambda runtime as written, normalised to CDK's form (e.g. <c>python3.12</c>, <c>nodejs20.x</c>, <c>dotnet8</c>).</summary>
    public string? Runtime { get; init; }

    public int? MemoryMb { get; init; }

    /// <summary>ECS CPU units (1024 = 1 vCPU).</summary>
    public int? Cpu { get; init; }

    public int? TimeoutSeconds { get; init; }

    public Schedule? Schedule { get; init; }

    /// <summary>True when the plan asks for a dead-letter queue (on a queue or a function).</summary>
    public bool DeadLetterQueue { get; init; }

    /// <summary>The ECR repository (or image) a Fargate task runs, when the plan names one.</summary>
    public string? Image { get; init; }

    /// <summary>Relationships stated in the plan, e.g. this rule starts that task.</summary>
    public EquatableArray<ResourceLink> Links { get; init; } = EquatableArray<ResourceLink>.Empty;

    /// <summary>
    /// What the plan states about the resource, phrase by phrase, and the construct property each phrase became
    /// ("partition key `paymentId` (string)" → <c>PartitionKey</c>). The generator emits these, <c>show</c> lists them.
    /// </summary>
    public EquatableArray<ResourceAttribute> Attributes { get; init; } = EquatableArray<ResourceAttribute>.Empty;

    /// <summary>Phrases of the resource's text that no attribute, link or name accounts for: reported as not generated.</summary>
    public EquatableArray<PlanPhrase> NotGenerated { get; init; } = EquatableArray<PlanPhrase>.Empty;

    /// <summary>True when the plan says the resource already exists ("existing VPC", "imported"): it is referenced, not created.</summary>
    public bool External { get; init; }

    public bool IsCompute => Kind is ResourceKind.LambdaFunction or ResourceKind.FargateService or ResourceKind.FargateTask;
}

/// <summary>One stated attribute of a resource: the words the plan used and the property they set.</summary>
/// <param name="Property">The attribute's key in the kind's vocabulary, e.g. <c>PartitionKey</c>, <c>Timeout</c>, <c>Lifecycle.Expiration</c>.</param>
/// <param name="Value">The value in a canonical form (<c>paymentId:string</c>, <c>120</c>, <c>true</c>).</param>
/// <param name="Phrase">The plan's own words, e.g. "partition key `paymentId` (string)".</param>
/// <param name="Location">Where the words are.</param>
public sealed record ResourceAttribute(string Property, string Value, string Phrase, SourceLocation Location);

/// <summary>Words of the plan, with where they are.</summary>
public sealed record PlanPhrase(string Text, SourceLocation Location);

/// <summary>A schedule as CloudWatch/EventBridge expresses it, with the plan's own words.</summary>
/// <param name="Expression"><c>cron(0 10 * * ? *)</c> or <c>rate(5 minutes)</c>.</param>
/// <param name="Text">What the plan wrote, e.g. "daily at 10:00 AM UTC".</param>
public sealed record Schedule(string Expression, string Text);

/// <summary>How one resource relates to another (by the other's <see cref="PlannedResource.Name"/>).</summary>
/// <param name="Kind">What the relationship is.</param>
/// <param name="Target">The other resource's name.</param>
/// <param name="Access">For <see cref="LinkKind.Uses"/>: whether the plan's verbs say it reads, writes or both.</param>
public sealed record ResourceLink(LinkKind Kind, string Target, Access Access = Access.Unspecified);

public enum LinkKind
{
    /// <summary>This resource (bucket events, queue messages, a rule) invokes the target compute.</summary>
    Triggers,

    /// <summary>This API fronts the target function.</summary>
    Fronts,

    /// <summary>This schedule or rule starts the target task or state machine.</summary>
    Starts,

    /// <summary>This alarm or resource notifies / publishes to the target (topic, queue).</summary>
    Notifies,

    /// <summary>This compute reads or writes the target (bucket, table, queue).</summary>
    Uses,
}
