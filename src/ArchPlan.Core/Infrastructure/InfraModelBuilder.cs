using ArchPlan.Common;

namespace ArchPlan.Infrastructure;

/// <summary>Collects what the readers find, across one or more stacks, and builds the immutable model.</summary>
internal sealed class InfraModelBuilder
{
    public List<string> Stacks { get; } = [];

    public List<InfraResource> Resources { get; } = [];

    public List<ComputeResource> Compute { get; } = [];

    public List<SecretReference> Secrets { get; } = [];

    public List<WildcardSecretGrant> Grants { get; } = [];

    public void AddSecret(SecretReference reference)
    {
        // A name the reader could not resolve (a token, an expression computed at run time) names nothing to compare.
        if (reference.Name.Contains("${", StringComparison.Ordinal))
        {
            return;
        }

        // One entry per name, origin and place: a policy listing the same ARN twice is one reference.
        if (!Secrets.Exists(s => s.Name == reference.Name && s.Origin == reference.Origin && s.Location == reference.Location))
        {
            Secrets.Add(reference);
        }
    }

    public InfraModel Build(string path, InfraSourceKind kind) => new()
    {
        Path = path,
        SourceKind = kind,
        Stacks = Stacks.ToEquatableArray(),
        Resources = Resources.ToEquatableArray(),
        Compute = Compute.ToEquatableArray(),
        Secrets = Secrets.ToEquatableArray(),
        WildcardGrants = Grants.ToEquatableArray(),
    };
}
