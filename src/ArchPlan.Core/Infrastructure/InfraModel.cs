using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Infrastructure;

/// <summary>What kind of input an <see cref="InfraModel"/> was read from.</summary>
public enum InfraSourceKind
{
    /// <summary>A CloudFormation template in JSON.</summary>
    TemplateJson,

    /// <summary>A CloudFormation template in YAML (short intrinsic tags allowed).</summary>
    TemplateYaml,

    /// <summary>A <c>cdk.out</c> cloud assembly: its manifest and the templates it names.</summary>
    CloudAssembly,

    /// <summary>A C# CDK app read as source, without building it.</summary>
    CdkSource,
}

/// <summary>Where something is in the infrastructure: a template resource (logical id) and/or a source position.</summary>
/// <param name="Source">The file (template or .cs) and, when known, the line.</param>
/// <param name="LogicalId">The template resource's logical id, or the construct id for C# source.</param>
/// <param name="Stack">The stack the resource belongs to, when the input has several.</param>
public sealed record InfraLocation(SourceLocation Source, string? LogicalId = null, string? Stack = null)
{
    /// <summary>Short form for reports: <c>LogicalId</c> for templates, <c>file:line</c> for source.</summary>
    public string Display => LogicalId is not null && !Source.File.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)
        ? (Stack is null ? LogicalId : $"{Stack}/{LogicalId}")
        : Source.HasPosition ? $"{Source.File}:{Source.Line}" : Source.File;

    public override string ToString() => Display;
}

/// <summary>How an infrastructure resource counts in a diff.</summary>
public enum InfraRole
{
    /// <summary>A resource a plan names (function, bucket, table, ...): matched against the plan.</summary>
    Primary,

    /// <summary>Something the generator creates for other resources (VPC, cluster, log group, key): never reported as unplanned.</summary>
    Supporting,

    /// <summary>CDK plumbing (roles, policies, permissions, custom-resource providers, subnets): never reported.</summary>
    Helper,

    /// <summary>A Secrets Manager secret: compared in the Secrets section, not as a resource.</summary>
    Secret,
}

/// <summary>One resource from a template (or one construct from C# source).</summary>
public sealed record InfraResource
{
    /// <summary>The logical id in the template, or the construct id in C# source.</summary>
    public required string LogicalId { get; init; }

    /// <summary>The CloudFormation type, e.g. <c>AWS::Lambda::Function</c> (mapped from the construct class for source).</summary>
    public required string Type { get; init; }

    /// <summary>The plan kind this type corresponds to (<see cref="ResourceKind.Unknown"/> for helpers and unmapped types).</summary>
    public ResourceKind Kind { get; init; }

    public InfraRole Role { get; init; }

    /// <summary>The <c>aws:cdk:path</c> metadata, e.g. <c>AcmeStack/Snapshot/Resource</c>.</summary>
    public string? CdkPath { get; init; }

    /// <summary>The physical name when the template or source sets one literally (FunctionName, BucketName, ...).</summary>
    public string? PhysicalName { get; init; }

    public string? Stack { get; init; }

    /// <summary>The resource this one exists for, e.g. the ECS service that runs a task definition.</summary>
    public string? PartOf { get; init; }

    /// <summary>For an EventBridge rule or schedule: its literal schedule expression (<c>rate(5 minutes)</c>, <c>cron(...)</c>).</summary>
    public string? Schedule { get; init; }

    public required InfraLocation Location { get; init; }
}

/// <summary>What sort of value the infrastructure gives a variable.</summary>
public enum InfraValueKind
{
    /// <summary>Plain text written into the template or source.</summary>
    Literal,

    /// <summary>A Ref/GetAtt (or a construct attribute in source) of another resource.</summary>
    Reference,

    /// <summary>A Secrets Manager secret: a container secret, a secret ARN, or a dynamic reference.</summary>
    Secret,

    /// <summary>A CDK context value (<c>TryGetContext</c>), known only at synth.</summary>
    Context,

    /// <summary>Something the reader could not resolve (parameters, imports, computed expressions).</summary>
    Unknown,
}

/// <summary>A variable's value as the infrastructure sets it.</summary>
/// <param name="Kind">What sort of value this is.</param>
/// <param name="Text">The literal text; for other kinds a readable rendering (e.g. <c>Ref Bucket83908E77</c>).</param>
/// <param name="ResourceId">For <see cref="InfraValueKind.Reference"/>: the logical (or construct) id referenced.</param>
/// <param name="Attribute">For references: the attribute (<c>Ref</c>, <c>Arn</c>, <c>BucketName</c>, ...).</param>
/// <param name="SecretName">For secrets: the secret's name (or ARN when no name can be recovered).</param>
/// <param name="SecretField">For secrets: the JSON field, when one is selected.</param>
/// <param name="ContextKey">For <see cref="InfraValueKind.Context"/>: the context key.</param>
/// <param name="Resolved">For <see cref="InfraValueKind.Context"/>: true when <paramref name="Text"/> is the value cdk.json gives, not the expression.</param>
public sealed record InfraValue(
    InfraValueKind Kind,
    string? Text = null,
    string? ResourceId = null,
    string? Attribute = null,
    string? SecretName = null,
    string? SecretField = null,
    string? ContextKey = null,
    bool Resolved = false)
{
    public static InfraValue Literal(string text) => new(InfraValueKind.Literal, text);

    public static InfraValue Unknown(string text) => new(InfraValueKind.Unknown, text);
}

/// <summary>One environment variable (or container secret) set on a compute resource.</summary>
public sealed record InfraVariable(string Name, InfraValue Value, InfraLocation Location);

/// <summary>A Lambda function or one container of an ECS task definition, with what it is given.</summary>
public sealed record ComputeResource
{
    /// <summary>The function's or task definition's logical (or construct) id.</summary>
    public required string LogicalId { get; init; }

    /// <summary>For ECS: the container name; null for Lambda.</summary>
    public string? ContainerName { get; init; }

    /// <summary><see cref="ResourceKind.LambdaFunction"/> or <see cref="ResourceKind.FargateTask"/>.</summary>
    public required ResourceKind Kind { get; init; }

    public string? CdkPath { get; init; }

    public string? Stack { get; init; }

    /// <summary>True for CDK's own functions (log retention, custom-resource providers): their variables are not compared.</summary>
    public bool IsHelper { get; init; }

    /// <summary>Plain environment variables (Lambda <c>Environment.Variables</c>, container <c>Environment</c>).</summary>
    public EquatableArray<InfraVariable> Environment { get; init; } = EquatableArray<InfraVariable>.Empty;

    /// <summary>ECS container secrets (<c>Secrets</c> with <c>ValueFrom</c>).</summary>
    public EquatableArray<InfraVariable> Secrets { get; init; } = EquatableArray<InfraVariable>.Empty;

    /// <summary>
    /// Variables the app declares and leaves unset on purpose: an ArchPlan-generated app marks each optional variable
    /// the deployment gave no value (template metadata <c>archplan:unset:&lt;NAME&gt;</c>).
    /// </summary>
    public EquatableArray<string> UnsetOnPurpose { get; init; } = EquatableArray<string>.Empty;

    public required InfraLocation Location { get; init; }

    /// <summary>A name for messages: <c>Function</c> or <c>TaskDef/container</c>.</summary>
    public string DisplayName => ContainerName is null ? LogicalId : $"{LogicalId}/{ContainerName}";
}

/// <summary>How a secret was found in the infrastructure.</summary>
public enum SecretOrigin
{
    /// <summary>An <c>AWS::SecretsManager::Secret</c> resource (or <c>new Secret</c> in source).</summary>
    Declared,

    /// <summary>A secret ARN in an IAM policy statement.</summary>
    PolicyResource,

    /// <summary>A <c>{{resolve:secretsmanager:...}}</c> dynamic reference.</summary>
    DynamicReference,

    /// <summary>An ECS container secret's <c>ValueFrom</c>.</summary>
    ContainerSecret,

    /// <summary>A secret ARN given to a variable (the generator's <c>*_SECRET_ARN</c> form).</summary>
    VariableValue,

    /// <summary><c>Secret.FromSecretNameV2</c>, <c>FromSecretCompleteArn</c> and the like in source.</summary>
    Import,

    /// <summary>Some other place a secret ARN appears (outputs, parameters' defaults, properties).</summary>
    Other,
}

/// <summary>One place a Secrets Manager secret is referenced.</summary>
/// <param name="Name">The secret name, recovered from an ARN when needed (without the 6-character suffix of a complete ARN).</param>
/// <param name="Arn">The ARN as written, when the reference was an ARN (tokens shown as <c>${Partition}</c> etc.).</param>
/// <param name="Origin">Where it was found.</param>
/// <param name="Location">The resource or source line that references it.</param>
public sealed record SecretReference(string Name, string? Arn, SecretOrigin Origin, InfraLocation Location);

/// <summary>An IAM statement that grants Secrets Manager actions on every resource (<c>*</c>).</summary>
/// <param name="Actions">The actions, comma-separated as written.</param>
/// <param name="Resource">The wildcard resource as written (<c>*</c> or <c>arn:...:secret:*</c>).</param>
/// <param name="Location">The policy (or source line) holding the statement.</param>
public sealed record WildcardSecretGrant(string Actions, string Resource, InfraLocation Location);

/// <summary>A tag of a stack, from the cloud assembly's manifest.</summary>
public sealed record StackTag(string Key, string Value);

/// <summary>One stack that was read, with the names and tags that may say which environment it is for.</summary>
public sealed record InfraStack
{
    /// <summary>The artifact id (cloud assembly), the file name without extension (template) or the stack class (source).</summary>
    public required string Id { get; init; }

    /// <summary>The value of <see cref="InfraResource.Stack"/> (and the other items' <c>Stack</c>) for this stack's items; null when it is the only stack read.</summary>
    public string? Label { get; init; }

    /// <summary>The CloudFormation stack name the manifest gives, when it differs from the artifact id.</summary>
    public string? StackName { get; init; }

    /// <summary>The manifest's display name (<c>Stage/Stack</c> for stacks in a stage).</summary>
    public string? DisplayName { get; init; }

    public EquatableArray<StackTag> Tags { get; init; } = EquatableArray<StackTag>.Empty;

    /// <summary>The environment (canonical: dev, staging, prod, ...) the stack's names or tags name, when exactly one.</summary>
    public string? Environment { get; init; }

    /// <summary>The template file read for this stack (null for source).</summary>
    public string? TemplatePath { get; init; }
}

/// <summary>Everything ArchPlan read from existing infrastructure, for comparing it with a plan.</summary>
public sealed record InfraModel
{
    /// <summary>The path the infrastructure was read from, as given.</summary>
    public required string Path { get; init; }

    public required InfraSourceKind SourceKind { get; init; }

    /// <summary>What was actually read: <see cref="Path"/>, or the <c>cdk.out</c> folder inside it.</summary>
    public string ReadPath { get => field ?? Path; init; }

    /// <summary>Stacks read (artifact ids for a cloud assembly; the file name for a single template; the stack classes for source).</summary>
    public EquatableArray<string> Stacks { get; init; } = EquatableArray<string>.Empty;

    /// <summary>The stacks read, with their names, tags and environment (same order as <see cref="Stacks"/>).</summary>
    public EquatableArray<InfraStack> StackDetails { get; init; } = EquatableArray<InfraStack>.Empty;

    /// <summary>For C# source: the number of <c>.cs</c> files read.</summary>
    public int SourceFiles { get; init; }

    /// <summary>
    /// For C# source: the environment whose values were read (cdk.json's context <c>environment</c>, else the first
    /// entry of <c>environments</c>), canonical; null when cdk.json has no environments.
    /// </summary>
    public string? SelectedEnvironment { get; init; }

    public EquatableArray<InfraResource> Resources { get; init; } = EquatableArray<InfraResource>.Empty;

    public EquatableArray<ComputeResource> Compute { get; init; } = EquatableArray<ComputeResource>.Empty;

    public EquatableArray<SecretReference> Secrets { get; init; } = EquatableArray<SecretReference>.Empty;

    public EquatableArray<WildcardSecretGrant> WildcardGrants { get; init; } = EquatableArray<WildcardSecretGrant>.Empty;

    /// <summary>Relationships between resources (triggers, targets, integrations, grants), read from templates; empty for C# source.</summary>
    public EquatableArray<InfraEdge> Edges { get; init; } = EquatableArray<InfraEdge>.Empty;
}
