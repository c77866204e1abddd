using ArchPlan.Common;

namespace ArchPlan.Diagram;

/// <summary>What a node of the diagram stands for; each is drawn in its own shape.</summary>
public enum DiagramCategory
{
    /// <summary>An API (REST or HTTP): a hexagon.</summary>
    Api,

    /// <summary>An EventBridge rule or schedule: a stadium.</summary>
    Schedule,

    /// <summary>Functions, Fargate services and tasks, state machines: a rectangle.</summary>
    Compute,

    /// <summary>An SQS queue: a parallelogram.</summary>
    Queue,

    /// <summary>An SNS topic: a flag.</summary>
    Topic,

    /// <summary>Tables, buckets, databases: a cylinder.</summary>
    DataStore,

    /// <summary>A Secrets Manager secret: a subroutine box.</summary>
    Secret,

    /// <summary>A CloudWatch alarm: a rounded box.</summary>
    Alarm,

    /// <summary>Any other resource the stack holds (its CloudFormation type is its kind): a rounded box.</summary>
    Other,
}

/// <summary>One resource in the diagram.</summary>
/// <param name="Id">The Mermaid id: a category prefix and the logical id without CDK's hash (<c>fn_PaymentsHandlerFunction</c>).</param>
/// <param name="Name">The resource's name: the plan's name for it, else its physical name, construct id or logical id.</param>
/// <param name="Kind">What it is, as AWS says it (<c>Lambda function</c>, <c>SQS queue</c>), with a rule's schedule.</param>
/// <param name="Category">Its shape.</param>
/// <param name="Stack">The stack group it is drawn in, when the diagram has several stacks.</param>
public sealed record DiagramNode(string Id, string Name, string Kind, DiagramCategory Category, string? Stack);

/// <summary>One arrow: what <paramref name="From"/> does to <paramref name="To"/>.</summary>
/// <param name="From">The acting node's id.</param>
/// <param name="To">The node acted on.</param>
/// <param name="Label">What it does: <c>triggers</c>, <c>reads/writes</c>, <c>env PAYMENTS_TABLE</c>, joined with commas.</param>
public sealed record DiagramEdge(string From, string To, string Label);

/// <summary>A stack drawn as a group, when the infrastructure has more than one.</summary>
/// <param name="Id">The Mermaid id of the group.</param>
/// <param name="Title">The stack's name.</param>
public sealed record DiagramStack(string Id, string Title);

/// <summary>The infrastructure as a graph, sorted and ready to write.</summary>
public sealed record DiagramModel
{
    /// <summary>The stack groups, in order; empty when there is one stack (nothing to group).</summary>
    public EquatableArray<DiagramStack> Stacks { get; init; } = EquatableArray<DiagramStack>.Empty;

    /// <summary>Nodes by stack, then category, then name.</summary>
    public EquatableArray<DiagramNode> Nodes { get; init; } = EquatableArray<DiagramNode>.Empty;

    /// <summary>Edges by source id, then target id; one per pair, its label joining every relationship.</summary>
    public EquatableArray<DiagramEdge> Edges { get; init; } = EquatableArray<DiagramEdge>.Empty;
}
