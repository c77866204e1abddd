using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2028: a JSON secret field whose name ECS cannot reference.</summary>
/// <remarks>ECS builds <c>valueFrom</c> as <c>&lt;arn&gt;:&lt;field&gt;::</c>, so a ':' in the field ends the field early.</remarks>
internal sealed class SecretFieldRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var secret in context.Plan.Secrets)
        {
            foreach (var field in secret.JsonFields.Where(f => f.Contains(':', StringComparison.Ordinal)))
            {
                var location = secret.Format is null ? secret.Location : context.LocateOnLine(secret.Location, field);
                diagnostics.Add(DiagnosticCatalog.InvalidSecretField, location, Shown.Text(secret.Name), Shown.Text(field));
            }
        }
    }
}
