using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2025: a value taken from a resource (<c>_(from Redis)_</c>) the plan does not have.</summary>
/// <remarks>
/// The words match a resource by its name, or by the kind they name (<c>RDS</c>, <c>S3 bucket</c>) when
/// the plan has a resource of that kind or the generator adds one (a VPC for Fargate). Words about the
/// deployment itself (account, region, stack) are accepted.
/// </remarks>
internal sealed class ValueSourceRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var plan = context.Plan;
        foreach (var variable in plan.Variables)
        {
            var values = new List<(ValueSpec Value, SourceLocation Location)> { (variable.Value, ValidationContext.ValueLocationOf(variable)) };
            values.AddRange(variable.PerEnvironment.Select(p => (p.Value, p.Location.HasPosition ? p.Location : ValidationContext.ValueLocationOf(variable))));

            foreach (var (value, location) in values
                .Where(v => v.Value.Kind == ValueKind.FromResource && v.Value.Resource is not null)
                .DistinctBy(v => v.Value.Resource, StringComparer.OrdinalIgnoreCase))
            {
                if (!ResourceWords.Resolve(value.Resource!, plan))
                {
                    diagnostics.Add(DiagnosticCatalog.ValueFromUnknownResource, location, Shown.Text(variable.Name), Shown.Text(value.Resource), ResourceWords.List(plan));
                }
            }
        }
    }
}
