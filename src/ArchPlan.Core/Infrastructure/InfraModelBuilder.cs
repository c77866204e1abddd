using ArchPlan.Common;

namespace ArchPlan.Infrastructure;

/// <summary>Collects what the readers find, across one or more stacks, and builds the immutable model.</summary>
internal sealed class InfraModelBuilder
{
    // One entry per (name, origin, place): a policy listing the same ARN twice is one reference. A set keeps adding
    // linear in the references (the list scan it replaces grew with their square).
    private readonly HashSet<(string Name, SecretOrigin Origin, InfraLocation Location)> _secretKeys = [];

    public List<string> Stacks { get; } = [];

    public List<InfraStack> StackDetails { get; } = [];

    public List<InfraResource> Resources { get; } = [];

    public List<ComputeResource> Compute { get; } = [];

    public List<SecretReference> Secrets { get; } = [];

    public List<WildcardSecretGrant> Grants { get; } = [];

    public List<InfraEdge> Edges { get; } = [];

    public int SourceFiles { get; set; }

    public string? SelectedEnvironment { get; set; }

    public void AddSecret(SecretReference reference)
    {
        // A name the reader could not resolve (a token, an expression computed at run time) names nothing to compare.
        if (reference.Name.Contains("${", StringComparison.Ordinal))
        {
            return;
        }
        if (_secretKeys.Add((reference.Name, reference.Origin, reference.Location)))
        {
            Secrets.Add(reference);
        }
    }

    /// <summary>Adds a stack read, with the environment its names or tags give (unless <paramref name="inferEnvironment"/> is false).</summary>
    public void AddStack(InfraStack stack, bool inferEnvironment = true)
    {
        Stacks.Add(stack.Id);
        StackDetails.Add(inferEnvironment ? stack with { Environment = stack.Environment ?? StackEnvironments.Of(stack) } : stack);
    }

    public InfraModel Build(string path, InfraSourceKind kind, string? readPath = null) => new()
    {
        Path = path,
        ReadPath = readPath ?? path,
        SourceKind = kind,
        Stacks = Stacks.ToEquatableArray(),
        StackDetails = StackDetails.ToEquatableArray(),
        Resources = Resources.ToEquatableArray(),
        Compute = Compute.ToEquatableArray(),
        Secrets = Secrets.ToEquatableArray(),
        WildcardGrants = Grants.ToEquatableArray(),
        Edges = Edges.ToEquatableArray(),
        SourceFiles = SourceFiles,
        SelectedEnvironment = SelectedEnvironment,
    };
}
