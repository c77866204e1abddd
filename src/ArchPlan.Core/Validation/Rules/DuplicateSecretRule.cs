using ArchPlan.Common;
using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2005: the same secret twice in the Secrets tables of one environment.</summary>
/// <remarks>Secrets Manager names are case-sensitive, so the comparison is too.</remarks>
internal sealed class DuplicateSecretRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        // Compared with the earlier secrets of the same name only, in order (see DuplicateVariableRule).
        var seen = new Dictionary<string, List<(PlannedSecret Secret, IReadOnlySet<string>? Environments)>>(StringComparer.Ordinal);
        foreach (var secret in context.Plan.Secrets)
        {
            var environments = context.EnvironmentsOf(secret);
            var sameName = seen.ListFor(secret.Name);
            var first = sameName.FirstOrDefault(s => ValidationContext.Overlap(s.Environments, environments));
            if (first.Secret is not null)
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateSecret, secret.Location, Shown.Text(secret.Name), first.Secret.Location.Line);
            }
            else
            {
                sameName.Add((secret, environments));
            }
        }
    }
}
