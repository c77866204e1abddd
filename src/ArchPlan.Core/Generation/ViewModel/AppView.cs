namespace ArchPlan.Generation.ViewModel;

// The records the templates render. They hold no nulls (empty strings and 0 instead), because Fluid runs with
// StrictVariables and treats a null member as undefined.
// They hold plan text only as raw strings, which templates pass through the
// escaping filters (cs, cs_comment, json, xml, md); every other string is an identifier or expression the
// generator built from identifiers and fixed CDK member names.

/// <summary>Everything the templates of one generated app need.</summary>
public sealed record AppView
{
    public required string Product { get; init; }
    public required string ProjectName { get; init; }
    public required string Namespace { get; init; }
    public required string StackClass { get; init; }
    public required string StackId { get; init; }
    public required string SourcePlan { get; init; }
    public required string PlanTitle { get; init; }
    public required string CdkLibVersion { get; init; }
    public required string ConstructsVersion { get; init; }
    public required string TargetFramework { get; init; }
    public required string AppCommand { get; init; }
    public required string ProjectPath { get; init; }
    public required string ProjectGuid { get; init; }
    public required string SolutionGuid { get; init; }

    /// <summary>The cdk.json <c>context</c> object, already serialised (indented for its place in cdk.json).</summary>
    public required string ContextJson { get; init; }

    public bool HasEnvironments => Environments.Count > 0;
    public string DefaultEnvironment => Environments.Count > 0 ? Environments[0] : "";
    public required IReadOnlyList<string> Environments { get; init; }
    public required string EnvironmentKey { get; init; }
    public required string EnvironmentsKey { get; init; }

    public required IReadOnlyList<SettingView> Settings { get; init; }
    public required IReadOnlyList<SecretView> Secrets { get; init; }
    public required bool NeedsVpc { get; init; }
    public required bool NeedsCluster { get; init; }
    public required IReadOnlyList<BucketView> Buckets { get; init; }
    public required IReadOnlyList<TableView> Tables { get; init; }
    public required IReadOnlyList<QueueView> Queues { get; init; }
    public required IReadOnlyList<TopicView> Topics { get; init; }
    public required IReadOnlyList<DatabaseView> Databases { get; init; }
    public required IReadOnlyList<StateMachineView> StateMachines { get; init; }
    public required IReadOnlyList<FunctionView> Functions { get; init; }
    public required IReadOnlyList<ContainerView> Containers { get; init; }
    public required IReadOnlyList<WiringView> Wiring { get; init; }
    public required IReadOnlyList<RuleView> Rules { get; init; }
    public required IReadOnlyList<ApiView> Apis { get; init; }
    public required IReadOnlyList<AlarmView> Alarms { get; init; }
    public required IReadOnlyList<ReadmeVariableView> ReadmeVariables { get; init; }
    public required IReadOnlyList<string> Notes { get; init; }
}

/// <summary>A configuration value read from CDK context at synth time.</summary>
public sealed record SettingView(string Property, string Key, string Name, bool Required, bool PerEnvironment);

/// <summary>A Secrets Manager secret the stack imports by name (or by the complete ARN given in context).</summary>
public sealed record SecretView(string Member, string Id, string Name, string ArnKey);

/// <summary>Where a planned resource came from, for the comment above its construct.</summary>
public sealed record Origin(string Name, int Line);

public sealed record BucketView(string Member, string Id, Origin Origin);

public sealed record TableView(string Member, string Id, bool Stream, Origin Origin);

/// <summary>A queue; <see cref="DeadLetterMember"/> is empty without a DLQ, <see cref="VisibilityTimeoutSeconds"/> 0 for the default.</summary>
public sealed record QueueView(string Member, string Id, string DeadLetterMember, string DeadLetterId, int VisibilityTimeoutSeconds, Origin Origin);

public sealed record TopicView(string Member, string Id, Origin Origin);

/// <summary>An RDS instance or Aurora cluster; <see cref="Engine"/> is postgres, mysql, aurora-postgres or aurora-mysql.</summary>
public sealed record DatabaseView(string Member, string Id, string Engine, string Version, bool IsCluster, Origin Origin);

public sealed record StateMachineView(string Member, string Id, string PlaceholderId, Origin Origin);

/// <summary>
/// A Lambda function; <see cref="RuntimeProperty"/> is a <c>Lambda.Runtime</c> member, else empty and
/// <see cref="RuntimeName"/> and <see cref="RuntimeFamily"/> build one. 0 memory or timeout means CDK's default.
/// </summary>
public sealed record FunctionView(
    string Member,
    string Id,
    string RuntimeProperty,
    string RuntimeName,
    string RuntimeFamily,
    string Handler,
    string CodePath,
    int MemoryMb,
    int TimeoutSeconds,
    bool DeadLetterQueue,
    bool InVpc,
    Origin Origin);

/// <summary>A Fargate task definition with one container, run as a service or as a task.</summary>
public sealed record ContainerView
{
    public required string Member { get; init; }
    public required string Id { get; init; }
    public required bool IsService { get; init; }
    public required string TaskDefinitionMember { get; init; }
    public required string TaskDefinitionId { get; init; }
    public required string ContainerMember { get; init; }
    public required string SecurityGroupMember { get; init; }
    public required string SecurityGroupId { get; init; }
    public required int Cpu { get; init; }
    public required int MemoryMb { get; init; }

    /// <summary>ecr (an ECR repository by name), registry (a full image reference) or placeholder.</summary>
    public required string ImageKind { get; init; }
    public required string Image { get; init; }
    public required string ImageTag { get; init; }
    public required string RepositoryId { get; init; }
    public required string StreamPrefix { get; init; }
    public required Origin Origin { get; init; }
}

/// <summary>
/// One statement connecting resources: a variable, a container secret, a grant, a network permission or an event
/// source. <see cref="Kind"/> selects the template branch; the other fields are identifiers or fixed expressions.
/// </summary>
public sealed record WiringView
{
    /// <summary>variable, container_secret, grant, connection or event_source.</summary>
    public required string Kind { get; init; }
    public string Target { get; init; } = "";
    public string Key { get; init; } = "";
    public string Value { get; init; } = "";
    public string Method { get; init; } = "";
    public string Field { get; init; } = "";
    public string Source { get; init; } = "";
    public string Comment { get; init; } = "";
}

/// <summary>An EventBridge rule with its schedule (empty when it has none: then a placeholder pattern) and targets.</summary>
public sealed record RuleView(string Member, string Id, string Schedule, string PlaceholderSource, IReadOnlyList<RuleTargetView> Targets, Origin Origin);

/// <summary>ecs_task (Member is the task definition), lambda or state_machine.</summary>
public sealed record RuleTargetView(string Kind, string Member, string SecurityGroup);

public sealed record ApiView(string Member, string Id, bool IsHttp, string Function, string IntegrationId, Origin Origin);

/// <summary>
/// An alarm on a metric of <see cref="Source"/>; <see cref="MetricKind"/> is lambda_errors, dlq_visible, queue_age,
/// sfn_failed, service_cpu, db_cpu, api_5xx, table_user_errors or rule_failed.
/// </summary>
public sealed record AlarmView(string Member, string Id, string MetricKind, string Source, string Topic, Origin Origin);

/// <summary>A row of the README's variable table.</summary>
public sealed record ReadmeVariableView(string Name, string Computes, string Source, string Description);
