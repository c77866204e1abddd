using ArchPlan.Diagnostics;
using ArchPlan.Generation.Naming;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2075: resource names that differ only in punctuation or word breaks and so make the same construct id.</summary>
internal sealed class ResourceIdCollisionRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var group in ResourceIds.Collisions(context.Plan.Resources))
        {
            var first = group[0];
            var identifier = ResourceIds.Base(first).TrimStart('@');
            foreach (var resource in group.Skip(1))
            {
                diagnostics.Add(DiagnosticCatalog.ResourceIdCollision, resource.Location, Shown.Text(resource.Name), Shown.Text(first.Name), first.Location.Line,
                    identifier, ResourceIds.WithSpelling(identifier, resource.Name));
            }
        }
    }
}
