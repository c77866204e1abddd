using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2020, AP2021: variables of a plan with compute that read a secret the plan does not list.</summary>
/// <remarks>
/// The generator grants read access to the secrets in the Secrets table; a secret only named in a
/// value would get no grant. A reference matches a listed secret by its full name or by its last
/// segments (<c>db/credentials</c> for <c>acme/db/credentials</c>). A reference with no name is
/// reported only when the plan lists no secrets at all.
/// </remarks>
internal sealed class SecretReferenceRule : IPlanRule
{
    private const string ProductToken = "[product]";

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        var plan = context.Plan;
        if (context.Compute.Count == 0)
        {
            return;
        }
        foreach (var variable in plan.Variables)
        {
            var references = new List<(ValueSpec Value, SourceLocation Location)> { (variable.Value, ValidationContext.ValueLocationOf(variable)) };
            references.AddRange(variable.PerEnvironment.Select(p => (p.Value, p.Location.HasPosition ? p.Location : ValidationContext.ValueLocationOf(variable))));

            // One diagnostic per row and secret is enough, however many environments repeat it.
            foreach (var (value, location) in references.Where(r => r.Value.Kind == ValueKind.FromSecret).DistinctBy(r => r.Value.Secret))
            {
                if (plan.Secrets.Count == 0)
                {
                    diagnostics.Add(DiagnosticCatalog.SecretsTableMissing, location, variable.Name);
                    break;
                }
                if (value.Secret is { Length: > 0 } name && !plan.Secrets.Any(s => Matches(s.Name, name, plan.Product)))
                {
                    diagnostics.Add(DiagnosticCatalog.SecretNotInPlan, location, variable.Name, name);
                }
            }
        }
    }

    private static bool Matches(string listed, string referenced, string? product)
    {
        var reference = product is null ? referenced : referenced.Replace(ProductToken, product, StringComparison.Ordinal);
        return string.Equals(listed, reference, StringComparison.Ordinal)
            || listed.EndsWith("/" + reference.TrimStart('/'), StringComparison.Ordinal);
    }
}
