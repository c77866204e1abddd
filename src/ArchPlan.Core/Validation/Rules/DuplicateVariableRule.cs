using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2004: the same variable twice where both rows would apply.</summary>
/// <remarks>
/// Two rows clash when they compete for the same environment (see <see cref="ValidationContext.Overlap"/>)
/// and can reach the same compute: an empty scope overlaps every scope, and two scopes overlap when they
/// share an entry or name a common resource. Names compare case-sensitively, as environment variables do.
/// </remarks>
internal sealed class DuplicateVariableRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        // Only rows of the same name can clash, so each row is compared with the earlier rows of its name
        // (in order, so the first clashing row is the one named), not with every earlier row.
        var seen = new Dictionary<string, List<(EnvVariable Variable, IReadOnlySet<string>? Environments)>>(StringComparer.Ordinal);
        foreach (var variable in context.Plan.Variables)
        {
            var environments = context.EnvironmentsOf(variable);
            var sameName = seen.ListFor(variable.Name);
            var first = sameName.FirstOrDefault(s =>
                ValidationContext.Overlap(s.Environments, environments)
                && ScopesOverlap(context, s.Variable, variable));
            if (first.Variable is not null)
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateVariable, variable.Location, Shown.Text(variable.Name), first.Variable.Location.Line);
            }
            else
            {
                sameName.Add((variable, environments));
            }
        }
    }

    private static bool ScopesOverlap(ValidationContext context, EnvVariable first, EnvVariable second)
    {
        if (first.Scope.Count == 0 || second.Scope.Count == 0)
        {
            return true;
        }
        if (first.Scope.Any(a => second.Scope.Any(b => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase))))
        {
            return true;
        }
        var firstTargets = context.NamedTargets(first);
        var secondTargets = context.NamedTargets(second);
        return firstTargets is not null && secondTargets is not null && firstTargets.Intersect(secondTargets).Any();
    }
}
