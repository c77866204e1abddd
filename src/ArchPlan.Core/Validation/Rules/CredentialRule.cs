using ArchPlan.Diagnostics;

namespace ArchPlan.Validation.Rules;

/// <summary>AP2016: credentials pasted into variable values, descriptions or secret formats.</summary>
/// <remarks>The message names the cell and the kind of credential, never the value: diagnostics end up in CI logs.</remarks>
internal sealed class CredentialRule : IPlanRule
{
    public void Check(ValidationContext context, DiagnosticBag diagnostics)
    {
        foreach (var variable in context.Plan.Variables)
        {
            var around = variable.Name + " " + variable.Description;
            if (variable.Value.Text is { } value && CredentialScanner.Scan(value, around) is { } kind)
            {
                Report(diagnostics, ValidationContext.ValueLocationOf(variable), "value", variable.Name, kind);
            }
            foreach (var perEnvironment in variable.PerEnvironment)
            {
                if (perEnvironment.Value.Text is { } text && CredentialScanner.Scan(text, around) is { } environmentKind)
                {
                    var location = perEnvironment.Location.HasPosition ? perEnvironment.Location : ValidationContext.ValueLocationOf(variable);
                    Report(diagnostics, location, perEnvironment.Environment + " value", variable.Name, environmentKind);
                }
            }
            if (CredentialScanner.Scan(variable.Description, variable.Name) is { } descriptionKind)
            {
                Report(diagnostics, context.LocateOnLine(variable.Location, variable.Description), "description", variable.Name, descriptionKind);
            }
        }

        foreach (var secret in context.Plan.Secrets)
        {
            if (secret.Format is { } format && CredentialScanner.Scan(format, secret.Name + " " + secret.Description) is { } kind)
            {
                Report(diagnostics, context.LocateOnLine(secret.Location, format), "format", secret.Name, kind);
            }
            if (CredentialScanner.Scan(secret.Description, secret.Name) is { } descriptionKind)
            {
                Report(diagnostics, context.LocateOnLine(secret.Location, secret.Description), "description", secret.Name, descriptionKind);
            }
        }
    }

    private static void Report(DiagnosticBag diagnostics, SourceLocation location, string cell, string name, CredentialKind kind) =>
        diagnostics.Add(DiagnosticCatalog.CredentialInPlan, location, Shown.Text(cell), Shown.Text(name), CredentialScanner.Describe(kind));
}
