using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2005: the same secret twice in the Secrets tables of one environment.</summary>
/// <remarks>Secrets Manager names are case-sensitive, so the comparison is too.</remarks>
internal sealed class DuplicateSecretRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var seen = new List<(PlannedSecret Secret, IReadOnlySet<string>? Environments)>();
        foreach (var secret in context.Plan.Secrets)
        {
            var environments = context.EnvironmentsOf(secret);
            var first = seen.FirstOrDefault(s =>
                string.Equals(s.Secret.Name, secret.Name, StringComparison.Ordinal)
                && ValidationContext.Overlap(s.Environments, environments));
            if (first.Secret is not null)
            {
                diagnostics.Add(DiagnosticCatalog.DuplicateSecret, secret.Location, Shown.Text(secret.Name), first.Secret.Location.Line);
            }
            else
            {
                seen.Add((secret, environments));
            }
        }
    }
}
