using System.Text.RegularExpressions;
using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2011, AP2012, AP2013: Secrets Manager names that cannot be created or that break lookups.</summary>
/// <remarks>
/// Names such as <c>rds!db-…</c> belong to secrets an AWS service creates for itself; the <c>!</c> is
/// not allowed in a name you create. They get AP2013 (a warning that ArchPlan will not create them)
/// instead of AP2011, because the plan is naming a real secret, just not one it can own.
/// </remarks>
internal sealed partial class SecretNameRule : IPlanRule
{
    private const string ProductToken = "[product]";

    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var secret in context.Plan.Secrets)
        {
            // Without a product the reader leaves the token in; AP2018 reports that, not this rule.
            var name = secret.Name.Replace(ProductToken, "product", StringComparison.Ordinal);
            if (ServiceManagedName().IsMatch(name))
            {
                diagnostics.Add(DiagnosticCatalog.AwsManagedSecretName, secret.Location, Shown.Text(secret.Name));
            }
            else if (!ValidName().IsMatch(name))
            {
                diagnostics.Add(DiagnosticCatalog.InvalidSecretName, secret.Location, Shown.Text(secret.Name));
            }
            else if (ArnSuffix().Match(name) is { Success: true } suffix)
            {
                diagnostics.Add(DiagnosticCatalog.SecretNameLooksLikeArnSuffix, secret.Location, Shown.Text(secret.Name), Shown.Text(suffix.Groups[1].Value));
            }
        }
    }

    [GeneratedRegex(@"^[A-Za-z0-9/_+=.@-]{1,512}\z")]
    private static partial Regex ValidName();

    /// <summary>Secrets Manager appends '-' and six random characters to make a secret's ARN.</summary>
    [GeneratedRegex(@"-([^-/]{6})\z")]
    private static partial Regex ArnSuffix();

    /// <summary><c>rds!</c>, <c>events!</c> and the like: a service prefix and an exclamation mark.</summary>
    [GeneratedRegex(@"^[a-z][a-z0-9-]*!")]
    private static partial Regex ServiceManagedName();
}
