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
