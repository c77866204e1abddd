namespace ArchPlan.Infrastructure;

/// <summary>What one resource does to another, as the infrastructure wires it.</summary>
public enum InfraEdgeKind
{
    /// <summary>An event source starts compute: a queue's or stream's mapping, a bucket notification, a subscription, an event rule.</summary>
    Triggers,

    /// <summary>A schedule, a grant (<c>states:StartExecution</c>, <c>ecs:RunTask</c>) or a workflow starts a task or workflow.</summary>
    Starts,

    /// <summary>An API integration, a workflow step or a grant (<c>lambda:InvokeFunction</c>) calls a function.</summary>
    Invokes,

    /// <summary>A message is delivered to a queue or topic: a subscription, a bucket notification, an alarm action, a rule target.</summary>
    Notifies,

    /// <summary>A grant to read (Get, List, Describe, Query, Scan, ...).</summary>
    Reads,

    /// <summary>A grant to write (Put, Update, Delete, ...).</summary>
    Writes,

    /// <summary>A grant to send messages to a queue.</summary>
    Sends,

    /// <summary>A grant to publish to a topic.</summary>
    Publishes,

    /// <summary>A grant to receive and delete a queue's messages, or to read a table's stream.</summary>
    Consumes,

    /// <summary>A queue's or function's dead-letter queue.</summary>
    DeadLetters,

    /// <summary>An alarm's metric is about the resource.</summary>
    Watches,
}

/// <summary>
/// One relationship between two resources of one stack, read from the template: an event source, a target, an
/// integration, a grant of an IAM policy attached to the resource's role, a dead-letter queue, an alarm's metric.
/// </summary>
/// <param name="From">The logical id of the resource that acts (the compute a policy's role belongs to, the queue a mapping reads).</param>
/// <param name="To">The logical id of the resource acted on; null when <paramref name="SecretName"/> names a secret the stack does not declare.</param>
/// <param name="Kind">What the relationship is.</param>
/// <param name="SecretName">For a secret the template refers to by ARN only (imported): its name.</param>
/// <param name="Location">The resource (mapping, policy, integration) that states the relationship.</param>
public sealed record InfraEdge(string From, string? To, InfraEdgeKind Kind, string? SecretName, InfraLocation Location)
{
    public string? Stack => Location.Stack;
}
