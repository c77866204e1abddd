using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2027: a scope entry that names no resource of the plan.</summary>
/// <remarks>
/// An entry is read as the generator reads it (<see cref="ArchPlan.Generation.Naming.ScopeIndex"/>): it names a
/// function, service or task by the words of its name, by its kind, or by a handler file its item mentions. Entries
/// meaning "everything" (all, *, every function) are accepted. A scope naming no compute goes to every compute (see
/// <see cref="ValidationContext.ComputeTargets"/>), an entry naming none is ignored; either way this is a warning.
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
                if (MeansEverything(entry) || context.NamesCompute(entry))
                {
                    continue;
                }
                diagnostics.Add(
                    DiagnosticCatalog.UnknownScopeComponent,
                    context.LocateOnLine(variable.Location, entry),
                    Shown.Text(variable.Name),
                    Shown.Text(entry),
                    Computes(context));
            }
        }
    }

    /// <summary>The plan's computes for the help line: the first ten, then how many more.</summary>
    private static string Computes(ValidationContext context) => context.Compute.Count switch
    {
        0 => "the plan has none",
        <= 10 => string.Join(", ", context.Compute.Select(r => Shown.Text(r.Name))),
        var count => string.Join(", ", context.Compute.Take(10).Select(r => Shown.Text(r.Name))) + $" and {count - 10} more",
    };

    private static bool MeansEverything(string entry)
    {
        var first = entry.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return Everything.Contains(first, StringComparer.OrdinalIgnoreCase);
    }
}
