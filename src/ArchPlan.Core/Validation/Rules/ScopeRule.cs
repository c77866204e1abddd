using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2027: a scope entry that names no resource of the plan.</summary>
/// <remarks>
/// An entry matches a resource by name, by containing its name, or by appearing in its list item (a
/// handler file). Entries meaning "everything" (all, *, every function) are accepted. The variable then
/// goes to every compute (see <see cref="ValidationContext.ComputeTargets"/>), which is why this is a warning.
/// </remarks>
internal sealed class ScopeRule : IPlanRule
{
    private static readonly string[] Everything = ["all", "*", "any", "every", "everything", "shared", "global", "both"];

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var variable in context.Plan.Variables)
        {
            foreach (var entry in variable.Scope.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (MeansEverything(entry) || context.NamedTargets(variable with { Scope = new[] { entry } }) is not null)
                {
                    continue;
                }
                diagnostics.Add(
                    DiagnosticCatalog.UnknownScopeComponent,
                    context.LocateOnLine(variable.Location, entry),
                    Shown.Text(variable.Name),
                    Shown.Text(entry),
                    ResourceWords.List(context.Plan));
            }
        }
    }

    private static bool MeansEverything(string entry)
    {
        var first = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return Everything.Contains(first, StringComparer.OrdinalIgnoreCase);
    }
}
