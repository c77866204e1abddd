using ArchPlan.Generation.Naming;
using ArchPlan.Generation.ViewModel;
using ArchPlan.Model;

namespace ArchPlan.Generation.Planning;

/// <summary>A resource the stack generates, with the C# member that holds its construct.</summary>
internal sealed class Node(PlannedResource resource, string member, int order)
{
    public PlannedResource Resource { get; } = resource;

    public ResourceKind Kind => Resource.Kind;

    public string Name => Resource.Name;

    /// <summary>The stemmed words of <see cref="Name"/>, computed once: name matching asks for them per reference.</summary>
    public IReadOnlyList<string> Stems => field ??= NameMatcher.Stems(Name);

    /// <summary><see cref="Name"/> without case or separators (<see cref="Words.Squash"/>), computed once.</summary>
    public string Squashed => field ??= Words.Squash(Name);

    /// <summary>The property (and construct id) holding the construct.</summary>
    public string Member { get; } = member;

    public int Order { get; } = order;

    /// <summary>A name fixed ahead (after the stack's name: the construct id), when something it depends on needs its ARN without a reference.</summary>
    public string? PhysicalName { get; set; }

    /// <summary>For a Lambda function: the construct id of its execution role (which owns the policy its grants go to).</summary>
    public string? RoleId { get; set; }

    /// <summary>For a queue: the member of its dead-letter queue.</summary>
    public string? DeadLetterMember { get; set; }

    /// <summary>For Fargate: the task definition and container members, and the task's security group.</summary>
    public string? TaskDefinitionMember { get; set; }

    public string? ContainerMember { get; set; }

    public string? SecurityGroupMember { get; set; }

    /// <summary>For a Lambda function: whether it must run in the VPC (it talks to a database).</summary>
    public bool InVpc { get; set; }

    /// <summary>For a table: whether a stream is needed (it triggers a function).</summary>
    public bool Stream { get; set; }

    /// <summary>For a queue that triggers a function: the visibility timeout that function needs.</summary>
    public int? VisibilityTimeoutSeconds { get; set; }

    public int? FunctionTimeoutSeconds { get; set; }

    /// <summary>For a rule: what it starts or invokes (lambda, ecs_task, state_machine), in plan order.</summary>
    public List<(Node Target, string Kind)> RuleTargets { get; } = [];

    /// <summary>For an API: the function it fronts as a whole (proxy or default route), when the plan says one.</summary>
    public Node? FrontedFunction { get; set; }

    /// <summary>For an alarm: the resource whose metric it watches, and the topic it notifies.</summary>
    public Node? AlarmSource { get; set; }

    public Node? AlarmTopic { get; set; }

    /// <summary>The queues, streams, buckets and topics this compute is triggered by (it consumes them; others send).</summary>
    public HashSet<Node> Consumes { get; } = [];

    /// <summary>For a state machine: the functions it runs, in the order the plan names them.</summary>
    public List<Node> WorkflowSteps { get; } = [];

    /// <summary>The first attribute the plan states for <paramref name="property"/>, or null.</summary>
    public ResourceAttribute? Attribute(string property) =>
        Resource.Attributes.FirstOrDefault(a => string.Equals(a.Property, property, StringComparison.Ordinal));

    /// <summary>Every attribute the plan states for <paramref name="property"/>, in the plan's order.</summary>
    public IEnumerable<ResourceAttribute> Attributes(string property) =>
        Resource.Attributes.Where(a => string.Equals(a.Property, property, StringComparison.Ordinal));

    public bool IsLambda => Kind == ResourceKind.LambdaFunction;

    public bool IsContainer => Kind is ResourceKind.FargateService or ResourceKind.FargateTask;

    public bool IsCompute => IsLambda || IsContainer;

    /// <summary>The IAM grantee expression for this compute.</summary>
    public string Grantee => IsLambda ? Member : $"{TaskDefinitionMember}.TaskRole";

    /// <summary>The IConnectable expression for this compute (a function, a service, or the task's security group).</summary>
    public string Connectable => Kind switch
    {
        ResourceKind.FargateTask => SecurityGroupMember!,
        _ => Member,
    };

    public Origin Origin => new(Name, Resource.Location.Line);

    public override string ToString() => Name;
}
