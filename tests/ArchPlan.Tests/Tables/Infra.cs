using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Infrastructure;
using ArchPlan.Model;

namespace ArchPlan.Tests.Tables;

/// <summary>Hand-built infrastructure models for the tables tests (the way the infrastructure reader would report them).</summary>
internal static class Infra
{
    private static readonly InfraLocation Here = new(new SourceLocation("template.json", 1, 1), "Fn");

    public static InfraValue Literal(string text) => InfraValue.Literal(text);

    public static InfraValue Ref(string logicalId) => new(InfraValueKind.Reference, $"Ref {logicalId}", ResourceId: logicalId, Attribute: "Ref");

    public static InfraValue Secret(string name, string? field = null) =>
        new(InfraValueKind.Secret, $"arn:aws:secretsmanager:eu-west-1:123456789012:secret:{name}", SecretName: name, SecretField: field);

    public static InfraVariable Var(string name, InfraValue value) => new(name, value, Here);

    public static ComputeResource Lambda(string id, params InfraVariable[] environment) => new()
    {
        LogicalId = id,
        Kind = ResourceKind.LambdaFunction,
        Environment = environment.ToEquatableArray(),
        Location = new InfraLocation(new SourceLocation("template.json", 1, 1), id),
    };

    public static ComputeResource Container(string id, InfraVariable[] environment, InfraVariable[] secrets) => new()
    {
        LogicalId = id,
        ContainerName = "app",
        Kind = ResourceKind.FargateTask,
        Environment = environment.ToEquatableArray(),
        Secrets = secrets.ToEquatableArray(),
        Location = new InfraLocation(new SourceLocation("template.json", 1, 1), id),
    };

    public static InfraResource Resource(string id, string type, string? physicalName = null) => new()
    {
        LogicalId = id,
        Type = type,
        PhysicalName = physicalName,
        Location = new InfraLocation(new SourceLocation("template.json", 1, 1), id),
    };

    public static InfraModel Stack(IEnumerable<ComputeResource> compute, IEnumerable<InfraResource>? resources = null, IEnumerable<string>? secrets = null, string stack = "OrdersStack") => new()
    {
        Path = "template.json",
        SourceKind = InfraSourceKind.TemplateJson,
        Stacks = new[] { stack }.ToEquatableArray(),
        Compute = compute.ToEquatableArray(),
        Resources = (resources ?? []).ToEquatableArray(),
        Secrets = (secrets ?? []).Select(s => new SecretReference(s, null, SecretOrigin.PolicyResource, Here)).ToEquatableArray(),
    };
}
