using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2029: two resources with the same name.</summary>
/// <remarks>Case is ignored: the names become file names, and <c>Cart-Api</c> and <c>cart-api</c> collide on Windows and macOS.</remarks>
internal sealed class DuplicateResourceRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, PlannedResource>(StringComparer.OrdinalIgnoreCase);
        foreach (var resource in context.Plan.Resources.Where(r => !string.IsNullOrWhiteSpace(r.Name)))
        {
            if (seen.TryGetValue(resource.Name.Trim(), out var first))
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateResource, resource.Location, Shown.Text(resource.Name), first.Location.Line);
            }
            else
            {
                seen.Add(resource.Name.Trim(), resource);
            }
        }
    }
}
