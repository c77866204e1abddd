using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2004: the same variable twice where both rows would apply.</summary>
/// <remarks>
/// Two rows clash when they can apply to the same environment (tables per environment and
/// Environment columns separate them) and to the same compute (an empty scope overlaps every scope).
/// Names compare case-sensitively, as environment variables do.
/// </remarks>
internal sealed class DuplicateVariableRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var seen = new List<(EnvVariable Variable, IReadOnlySet<string>? Environments)>();
        foreach (var variable in context.Plan.Variables)
        {
            var environments = context.EnvironmentsOf(variable);
            var first = seen.FirstOrDefault(s =>
                string.Equals(s.Variable.Name, variable.Name, StringComparison.Ordinal)
                && ValidationContext.Overlap(s.Environments, environments)
                && ScopesOverlap(s.Variable, variable));
            if (first.Variable is not null)
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateVariable, variable.Location, variable.Name, first.Variable.Location.Line);
            }
            else
            {
                seen.Add((variable, environments));
            }
        }
    }

    private static bool ScopesOverlap(EnvVariable first, EnvVariable second) =>
        first.Scope.Count == 0
        || second.Scope.Count == 0
        || first.Scope.Any(a => second.Scope.Any(b => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase)));
}
