using ArchPlan.Diagnostics;
using ArchPlan.Model;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2020, AP2021, AP2026: variables of a plan with compute that read a secret the plan does not list.</summary>
/// <remarks>
/// The generator grants read access to the secrets in the Secrets table; a secret only named in a
/// value would get no grant. A reference matches a listed secret by its full name or by its last
/// segments (<c>db/credentials</c> for <c>acme/db/credentials</c>). A reference with no name matches
/// the only secret, a secret with the field it reads, or a secret named after the variable.
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
                    diagnostics.Add(DiagnosticCatalog.SecretsTableMissing, location, Shown.Text(variable.Name));
                    break;
                }
                if (value.Secret is { Length: > 0 } name)
                {
                    if (!plan.Secrets.Any(s => Matches(s.Name, name, plan.Product)))
                    {
                        diagnostics.Add(DiagnosticCatalog.SecretNotInPlan, location, Shown.Text(variable.Name), Shown.Text(name));
                    }
                }
                else if (!plan.Secrets.Any(s => MatchesUnnamed(s, variable.Name, value.SecretField)) && plan.Secrets.Count > 1)
                {
                    diagnostics.Add(DiagnosticCatalog.SecretReferenceUnresolved, location, Shown.Text(variable.Name), Shown.Text(Suggest(variable.Name, plan.Product)),
                        string.Join(", ", plan.Secrets.Select(s => Shown.Text(s.Name))));
                }
            }
        }
    }

    /// <summary>
    /// A reference with no secret name matches a secret that has the field it reads, a secret whose
    /// name contains the variable's words (PAYMENTS_API_KEY, shop/payments/api-key), or a JSON secret
    /// with a field the variable's name ends in (DB_PASSWORD, password; DB_USER, username).
    /// </summary>
    private static bool MatchesUnnamed(PlannedSecret secret, string variable, string? field)
    {
        if (field is not null)
        {
            return secret.JsonFields.Any(f => string.Equals(f, field, StringComparison.OrdinalIgnoreCase));
        }
        var words = Squash(variable);

        // DB_USER reads the username field, as the samples' convention has it.
        var lastWord = Squash(variable[(variable.LastIndexOf('_') + 1)..]);
        return (words.Length > 0 && Squash(secret.Name).Contains(words, StringComparison.Ordinal))
            || secret.JsonFields.Any(f => Squash(f) is { Length: > 0 } squashed
                && (words.EndsWith(squashed, StringComparison.Ordinal) || (lastWord == "user" && squashed == "username")));
    }

    /// <summary>A secret name for the help text: PAYMENTS_API_KEY → acme/payments-api-key.</summary>
    private static string Suggest(string variable, string? product) =>
        (product ?? "product") + "/" + variable.ToLowerInvariant().Replace('_', '-');

    private static string Squash(string text) => new([.. text.Where(char.IsAsciiLetterOrDigit).Select(char.ToLowerInvariant)]);

    private static bool Matches(string listed, string referenced, string? product)
    {
        var reference = product is null ? referenced : referenced.Replace(ProductToken, product, StringComparison.Ordinal);
        return string.Equals(listed, reference, StringComparison.Ordinal)
            || listed.EndsWith("/" + reference.TrimStart('/'), StringComparison.Ordinal);
    }
}
